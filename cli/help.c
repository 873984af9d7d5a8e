/* help.c — every usage text of procsim, each written once in each
 * language: `procsim CMD --help` shows that command's, `procsim --help`
 * all of them, in cli_lang.  The words only; each command reads its own
 * arguments.  The texts are long, so they live in this table (each entry
 * English first, then Korean, as words.h has its entries) rather than in
 * words.h; the synopsis is a command line and the same in both. */
#include <string.h>

#include "cli.h"
#include "words.h"

typedef struct help {
    const char *name;       /* the command */
    const char *synopsis;   /* lines after "procsim "; a line starting with a
                               space goes on the line before */
    const char *body[PS_LANG_COUNT];   /* what it does and its options */
    const char *footer[PS_LANG_COUNT]; /* its exit statuses; NULL: the common footer */
} help;

static const help helps[] = {
    {"gui",
     "gui [FILE] [--live [--tick-ms MS]] [--lang en|ko] [--size WxH]\n"
     "            [--select PROCESS] [--speed X] [--quiz [--follow NAME]]\n"
     "            [--student NAME] [--fullscreen] [--policy P[:Q]]\n"
     "            [--compare P[:Q],P[:Q]...] [--frames N [--screenshot PNG]]\n"
     "            [--gantt-png FILE]\n"
     "gui [OPTIONS] --ostep PROGRAM [FLAGS...]",
     {"  gui [FILE]      the animated state diagram (the tour without FILE)\n"
     "    --live        real child processes, as for run\n"
     "    --tick-ms MS  live mode: milliseconds per tick, " CLI_DECIMAL(PS_TICK_MS_MIN)
     " to " CLI_DECIMAL(PS_TICK_MS_MAX) "\n"
     "                  (default: the scenario's tick_ms)\n"
     "    --lang L      en or ko (default: the locale)\n"
     "    --size WxH    window or frame size, from 320x240 to 8192x8192\n"
     "                  (default 1280x800)\n"
     "    --select P    start with process P selected, its PCB shown: P is a\n"
     "                  process name or a pid\n"
     "    --speed X     start at speed X: 1, 2, 4, 8, 16 or 32 (default 1; Slower\n"
     "                  and Faster change it)\n"
     "    --quiz        quiz: before each transition of a process, click the state\n"
     "                  it goes to next (Q toggles it in the window)\n"
     "    --follow NAME the process the quiz follows (default: the selected one,\n"
     "                  or the first)\n"
     "    --frames N    render N frames (1 to 1000000) headless, no display\n"
     "                  needed ...\n"
     "    --screenshot PNG  ... and save the last one\n"
     "    --fullscreen  presentation mode: the whole screen, large type (F11)\n"
     "    --student NAME  the name in the quiz's saved summary (else asked once)\n"
     "    --policy P[:Q] run under policy P (with quantum Q) instead of the file's,\n"
     "                  as for run: fcfs, sjf, rr:4, ...; every scenario opened\n"
     "                  later in the window too (not with --compare)\n"
     "    --compare LIST  2 to 4 policies side by side on FILE's workload, one\n"
     "                  clock: fcfs,rr:4 (as procsim compare takes them; not\n"
     "                  with --live, --quiz or --policy)\n"
     "    --gantt-png FILE  run the scenario to its end with no window and save\n"
     "                  its Gantt chart alone, --size's width wide (default 1200\n"
     "                  wide); FILE ends .png or .svg, which says the format (a\n"
     "                  model run, not with --live)\n"
     "    --ostep PROGRAM FLAGS...  animate an OSTEP homework workload instead of\n"
     "                  FILE (every argument after PROGRAM is the program's)\n",
     "  gui [FILE]      움직이는 상태 그림 (FILE이 없으면 둘러보기)\n"
     "    --live        run처럼 실제 자식 프로세스로\n"
     "    --tick-ms MS  라이브: 1틱의 밀리초, " CLI_DECIMAL(PS_TICK_MS_MIN)
     "부터 " CLI_DECIMAL(PS_TICK_MS_MAX) "까지\n"
     "                  (기본: 시나리오의 tick_ms)\n"
     "    --lang L      en 또는 ko (기본: 로케일)\n"
     "    --size WxH    창 또는 프레임 크기, 320x240부터 8192x8192까지\n"
     "                  (기본 1280x800)\n"
     "    --select P    프로세스 P를 고른 채로, 그 PCB를 보이며 시작: P는\n"
     "                  프로세스 이름 또는 PID\n"
     "    --speed X     속도 X로 시작: 1, 2, 4, 8, 16, 32 (기본 1; 느리게와\n"
     "                  빠르게 단추로 바꿈)\n"
     "    --quiz        퀴즈: 프로세스의 전이마다 그 전에 다음 상태를 누름\n"
     "                  (창에서 Q로 켜고 끔)\n"
     "    --follow NAME 퀴즈가 따라가는 프로세스 (기본: 고른 것, 없으면 첫째)\n"
     "    --frames N    화면 없이 프레임 N개(1부터 1000000까지)를 그림 ...\n"
     "    --screenshot PNG  ... 그리고 마지막 프레임을 저장\n"
     "    --fullscreen  발표 모드: 화면 전체, 큰 글자 (F11)\n"
     "    --student NAME  퀴즈 요약을 저장할 때의 이름 (없으면 한 번 물음)\n"
     "    --policy P[:Q] run처럼 파일의 정책 대신 정책 P(타임 퀀텀 Q)로 실행:\n"
     "                  fcfs, sjf, rr:4, ...; 창에서 나중에 여는 시나리오도 모두\n"
     "                  (--compare와는 함께 쓰지 않음)\n"
     "    --compare LIST  FILE의 작업 부하에 정책 2~4개를 나란히, 한 시계로:\n"
     "                  fcfs,rr:4 (procsim compare처럼; --live, --quiz, --policy와는\n"
     "                  함께 쓰지 않음)\n"
     "    --gantt-png FILE  창 없이 시나리오를 끝까지 실행하고 간트 차트만 --size의\n"
     "                  너비로 저장 (기본 너비 1200); FILE의 끝 .png 또는 .svg가\n"
     "                  형식을 정함 (모형 실행만, --live와는 함께 쓰지 않음)\n"
     "    --ostep PROGRAM FLAGS...  FILE 대신 OSTEP 숙제의 작업 부하를 움직여\n"
     "                  보임 (PROGRAM 뒤의 인자는 모두 그 프로그램의 것)\n"},
     {NULL, NULL}},
    {"run",
     "run FILE [--live [--tick-ms MS]] [--format text|csv|json]\n"
     "            [--ops] [--until T] [--policy P[:Q]] [--gantt] [--lang en|ko]",
     {"  run FILE        simulate FILE; the trace and statistics go to stdout\n"
     "    --live        run every process as a real child process (docs/live.md)\n"
     "    --tick-ms MS  live mode: milliseconds per tick, " CLI_DECIMAL(PS_TICK_MS_MIN)
     " to " CLI_DECIMAL(PS_TICK_MS_MAX) "\n"
     "                  (default: the scenario's tick_ms)\n"
     "    --format F    text (default: tables for people, each tick's op events\n"
     "                  under it), csv (one row per transition:\n"
     "                  time,pid,name,from,to,event,cause), json (with ops and\n"
     "                  resources)\n"
     "    --ops         csv: op events too (read, write, send, recv, lock, ...), as\n"
     "                  rows with from and to empty, event the op event and cause\n"
     "                  its object and value\n"
     "    --until T     stop after tick T (a whole number from 0)\n"
     "    --policy P[:Q] run under policy P (with quantum Q) instead of the file's:\n"
     "                  fcfs, sjf, rr:4, ... (docs/engine.md has them all)\n"
     "    --gantt       text: a Gantt chart of the CPUs under the trace; json: the\n"
     "                  same as \"gantt\" (docs/compare.md)\n"
     "    --lang L      en or ko: the text view's and the cause column's language\n"
     "                  (default: the locale)\n",
     "  run FILE        FILE을 시뮬레이션; 추적과 통계를 표준 출력으로\n"
     "    --live        모든 프로세스를 실제 자식 프로세스로 실행 (docs/live.md)\n"
     "    --tick-ms MS  라이브: 1틱의 밀리초, " CLI_DECIMAL(PS_TICK_MS_MIN)
     "부터 " CLI_DECIMAL(PS_TICK_MS_MAX) "까지\n"
     "                  (기본: 시나리오의 tick_ms)\n"
     "    --format F    text (기본: 사람이 읽는 표, 틱마다 그 아래에 연산 사건),\n"
     "                  csv (전이마다 한 행: time,pid,name,from,to,event,cause),\n"
     "                  json (연산과 자원까지)\n"
     "    --ops         csv: 연산 사건도 (read, write, send, recv, lock, ...),\n"
     "                  from과 to가 빈 행으로, event에 연산 사건, cause에 대상과 값\n"
     "    --until T     T틱 뒤에 멈춤 (0 이상의 정수)\n"
     "    --policy P[:Q] 파일의 정책 대신 정책 P(타임 퀀텀 Q)로 실행:\n"
     "                  fcfs, sjf, rr:4, ... (모두 docs/engine.md에)\n"
     "    --gantt       text: 추적 아래에 CPU의 간트 차트; json: 같은 것을\n"
     "                  \"gantt\"로 (docs/compare.md)\n"
     "    --lang L      en 또는 ko: 글 보기와 cause 열의 언어 (기본: 로케일)\n"},
     {NULL, NULL}},
    {"compare",
     "compare FILE P[:Q] P[:Q]... [--format text|csv|json] [--lang en|ko]\n"
     "            [--until T]",
     {"  compare FILE P[:Q] P[:Q]...  FILE's workload under each policy (2 to 8,\n"
     "                  written as for run --policy), side by side: each process's\n"
     "                  finish, turnaround, waiting, response and switches, their\n"
     "                  averages, cpu utilisation, a Gantt chart of each, and the\n"
     "                  first tick where the schedules differ with each policy's\n"
     "                  cause (docs/compare.md)\n"
     "    --format F    text (default), csv or json: the same data\n"
     "    --lang L      en or ko: every word, and the causes (default: the locale)\n"
     "    --until T     stop each run after tick T (a whole number from 0)\n",
     "  compare FILE P[:Q] P[:Q]...  FILE의 작업 부하를 정책마다(2~8개,\n"
     "                  run --policy처럼 씀) 나란히: 프로세스마다 종료 시각, 반환\n"
     "                  시간, 대기 시간, 응답 시간, 문맥 교환, 그 평균, CPU 이용률,\n"
     "                  정책마다 간트 차트, 그리고 스케줄이 처음 달라지는 틱과\n"
     "                  정책마다의 까닭 (docs/compare.md)\n"
     "    --format F    text (기본), csv, json: 같은 자료\n"
     "    --lang L      en 또는 ko: 모든 말과 까닭 (기본: 로케일)\n"
     "    --until T     각 실행을 T틱 뒤에 멈춤 (0 이상의 정수)\n"},
     {NULL, NULL}},
    {"trace",
     "trace [--gui] [--cpus N] [--format text|csv|json] [-o FILE]\n"
     "            [--record FILE.yaml] [--sample-ms N] [--events SPEC]\n"
     "            [--threads] [--linger SECONDS] [--max-procs N]\n"
     "            [--no-ptrace] [--lang en|ko] -- COMMAND [ARGS...]",
     {"  trace -- COMMAND  run your own program and watch its processes in the seven\n"
     "                  states, with the kernel's evidence for every move\n"
     "                  (docs/trace.md); the exit status is COMMAND's (128+N if\n"
     "                  signal N killed it)\n"
     "    --gui         in the window (S, C, K suspend, resume, kill)\n"
     "    --cpus N      pin the program to N cpus (1 to 1024)\n"
     "    --format F    text (default), csv (time,pid,name,from,to,event,cause,\n"
     "                  wall_us,kstate,reported_by,os_pid; notes among the rows),\n"
     "                  or json\n"
     "    -o FILE       the trace into FILE as it happens (a run cut short keeps\n"
     "                  what it saw), the statistics to stdout; without it the\n"
     "                  trace goes to stdout after the program's own output\n"
     "    --record FILE.yaml  also write a scenario that replays the run in the\n"
     "                  model (procsim run FILE.yaml)\n"
     "    --sample-ms N one tick = one sample every N ms, 1 to "
     CLI_DECIMAL(PS_TRACE_SAMPLE_MS_MAX) " (default " CLI_DECIMAL(PS_TRACE_SAMPLE_MS) ")\n"
     "    --events SPEC suspend, resume or kill at a time: SECONDS:ACTION:WHO,...\n"
     "                  e.g. 0.5:suspend:Process-1,1.5:resume:Process-1 (WHO a\n"
     "                  process name or a real pid)\n"
     "    --threads     every thread a process of its own (default: a count)\n"
     "    --linger S    once COMMAND has ended, kill what is left of its tree after S\n"
     "                  seconds (0 to 86400, default 5)\n"
     "    --max-procs N show at most N processes, 1 to " CLI_DECIMAL(PS_TRACE_PROCS_LIMIT)
     " (default " CLI_DECIMAL(PS_TRACE_MAX_PROCS) ")\n"
     "    --no-ptrace   follow the tree by sampling /proc instead of ptrace\n"
     "    --lang L      en or ko: the text view's states, causes and notes (default:\n"
     "                  the locale)\n",
     "  trace -- COMMAND  여러분의 프로그램을 실행하고 그 프로세스들을 일곱 상태로\n"
     "                  지켜봄, 움직임마다 커널의 증거와 함께 (docs/trace.md);\n"
     "                  종료 상태는 COMMAND의 것 (시그널 N으로 죽었으면 128+N)\n"
     "    --gui         창에서 (S, C, K: 보류, 재개, 강제 종료)\n"
     "    --cpus N      프로그램을 CPU N개에 묶음 (1~1024)\n"
     "    --format F    text (기본), csv (time,pid,name,from,to,event,cause,\n"
     "                  wall_us,kstate,reported_by,os_pid; 행 사이에 메모),\n"
     "                  또는 json\n"
     "    -o FILE       추적을 일어나는 대로 FILE에 (중간에 끊겨도 본 것은 남음),\n"
     "                  통계는 표준 출력으로; 없으면 추적은 프로그램의 출력 뒤에\n"
     "                  표준 출력으로\n"
     "    --record FILE.yaml  실행을 모형에서 다시 돌리는 시나리오도 씀\n"
     "                  (procsim run FILE.yaml)\n"
     "    --sample-ms N 1틱 = N ms마다 표본 하나, 1~"
     CLI_DECIMAL(PS_TRACE_SAMPLE_MS_MAX) " (기본 " CLI_DECIMAL(PS_TRACE_SAMPLE_MS) ")\n"
     "    --events SPEC 정한 때에 보류, 재개, 강제 종료: SECONDS:ACTION:WHO,...\n"
     "                  예: 0.5:suspend:Process-1,1.5:resume:Process-1 (WHO는\n"
     "                  프로세스 이름 또는 실제 PID)\n"
     "    --threads     스레드마다 프로세스 하나로 (기본: 개수만)\n"
     "    --linger S    COMMAND가 끝난 뒤 S초가 지나면 그 트리에 남은 것을 강제\n"
     "                  종료 (0~86400, 기본 5)\n"
     "    --max-procs N 프로세스를 많아야 N개 보임, 1~" CLI_DECIMAL(PS_TRACE_PROCS_LIMIT)
     " (기본 " CLI_DECIMAL(PS_TRACE_MAX_PROCS) ")\n"
     "    --no-ptrace   ptrace 대신 /proc 표본으로 트리를 따라감\n"
     "    --lang L      en 또는 ko: 글 보기의 상태, 까닭, 메모 (기본: 로케일)\n"},
     {"Exit status: COMMAND's own, or 128+N if signal N killed it (as a shell says);\n"
     "127 COMMAND not found, 126 it cannot be executed; 1 procsim failed or was\n"
     "interrupted; 2 bad usage.  How the trace works: docs/trace.md.\n",
     "종료 상태: COMMAND의 것, 시그널 N으로 죽었으면 128+N (셸처럼);\n"
     "127 COMMAND가 없음, 126 실행할 수 없음; 1 procsim이 실패했거나\n"
     "중단됨; 2 잘못된 사용.  추적의 원리: docs/trace.md.\n"}},
    {"check",
     "check FILE... [--lang en|ko]",
     {"  check FILE...   load each file and report the first error in it\n",
     "  check FILE...   파일마다 읽어 들이고 첫 오류를 알림\n"},
     {NULL, NULL}},
    {"list",
     "list [--names] [--lang en|ko]",
     {"  list            the scenarios shipped with procsim, each NAME with its\n"
     "                  title; a NAME stands for a FILE anywhere one is asked for\n"
     "                  (procsim run tour, procsim gui seeds/counter-race)\n"
     "    --names       the names alone, one a line (for scripts and completion)\n"
     "    --lang L      en or ko: the titles' language (default: the locale)\n",
     "  list            procsim과 함께 설치된 시나리오: NAME마다 그 제목;\n"
     "                  FILE을 받는 곳 어디서나 NAME을 써도 됨\n"
     "                  (procsim run tour, procsim gui seeds/counter-race)\n"
     "    --names       이름만 한 줄에 하나씩 (스크립트와 자동 완성용)\n"
     "    --lang L      en 또는 ko: 제목의 언어 (기본: 로케일)\n"},
     {NULL, NULL}},
    {"ostep",
     "ostep process-run|scheduler|mlfq|lottery [--format text|csv|json|yaml]\n"
     "              [FLAGS...]",
     {"  ostep PROGRAM   OSTEP's homework program (process-run.py, scheduler.py,\n"
     "                  mlfq.py, lottery.py): same flags, same output\n"
     "                  (docs/ostep.md); procsim ostep PROGRAM -h lists the\n"
     "                  program's flags\n"
     "    --format F    instead, the workload as procsim runs it: text, csv, json,\n"
     "                  or yaml (the scenario file)\n",
     "  ostep PROGRAM   OSTEP 숙제 프로그램 (process-run.py, scheduler.py,\n"
     "                  mlfq.py, lottery.py): 같은 플래그, 같은 출력\n"
     "                  (docs/ostep.md); procsim ostep PROGRAM -h가 그 프로그램의\n"
     "                  플래그를 보임\n"
     "    --format F    대신 procsim이 실행하는 작업 부하를: text, csv, json,\n"
     "                  yaml (시나리오 파일)\n"},
     {NULL, NULL}},
    {"lab",
     "lab FILE [-c] [--variant ID] [--lang en|ko] [--format text|html|pdf]\n"
     "            [-o OUT]\n"
     "lab --random [--seed N] [--policy P] [--processes K] [--lang en|ko]",
     {"  lab FILE        a lab (a scenario with questions): the handout with the\n"
     "                  workload and questions (docs/labs/README.md)\n"
     "    -c            the answer key instead, computed by running the scenario\n"
     "    --variant ID  a student's own numbers, from the lab's vary: section (the\n"
     "                  same ID, the same numbers); with -c, their key\n"
     "    --lang L      en or ko: the handout's language (default: the locale)\n"
     "    --format F    text (default), html (a page to print, with a Gantt grid\n"
     "                  and a state table to fill in; the key fills them) or pdf\n"
     "                  (the same page through weasyprint)\n"
     "    -o OUT        the html or pdf file (html: default stdout)\n"
     "  lab --random    a new lab as YAML on stdout, after a comment line with\n"
     "                  the command that makes it again\n"
     "    --seed N      the same N makes the same lab (a whole number from 0;\n"
     "                  default: one picked from the time, said on stderr)\n"
     "    --policy P    its scheduling policy (default: one the seed picks)\n"
     "    --processes K how many processes, 1 to 12 (default: 3 to 5)\n",
     "  lab FILE        실습 (질문이 있는 시나리오): 작업 부하와 질문이 있는\n"
     "                  유인물 (docs/labs/README.md)\n"
     "    -c            대신 정답, 시나리오를 실행해 계산함\n"
     "    --variant ID  학생 자기의 수, 실습의 vary: 절에서 (같은 ID면 같은 수);\n"
     "                  -c와 함께면 그 정답\n"
     "    --lang L      en 또는 ko: 유인물의 언어 (기본: 로케일)\n"
     "    --format F    text (기본), html (인쇄할 쪽: 채워 넣을 간트 격자와 상태 표가\n"
     "                  있고, 정답에서는 채워져 있음) 또는 pdf (같은 쪽을\n"
     "                  weasyprint로)\n"
     "    -o OUT        html 또는 pdf 파일 (html: 기본은 표준 출력)\n"
     "  lab --random    새 실습을 YAML로 표준 출력에, 그것을 다시 만드는 명령을\n"
     "                  적은 주석 줄 뒤에\n"
     "    --seed N      같은 N이면 같은 실습 (0 이상의 정수; 기본: 시각으로\n"
     "                  고르고 표준 오류에 알림)\n"
     "    --policy P    스케줄링 정책 (기본: 시드가 고름)\n"
     "    --processes K 프로세스 수, 1~12 (기본: 3~5)\n"},
     {NULL, NULL}},
    {"grade",
     "grade FILE ANSWERS... | DIR... [--csv OUT] [--feedback DIR]\n"
     "            [--lang en|ko]",
     {"  grade FILE ANSWERS  score an answers file (one answer per line); the right\n"
     "                  answer and the trace lines that show why for each wrong\n"
     "                  one; exit 0 for full marks, 1 otherwise\n"
     "  grade FILE DIR  a class: the files of DIR (by name, not the hidden ones),\n"
     "                  or several ANSWERS: a line per student, each question's\n"
     "                  share of right answers, a histogram of the scores; exit 0\n"
     "                  when every file was graded, 1 when some could not be (each\n"
     "                  says why; the others are graded)\n"
     "    --csv OUT     the gradebook: file,student,variant,score,max,q1,...,error\n"
     "                  (OUT - : stdout, the report then on stderr)\n"
     "    --feedback DIR  each student's report (what the one-file form prints)\n"
     "                  into DIR, under the answers file's name\n"
     "    --lang L      en or ko (default: the locale)\n",
     "  grade FILE ANSWERS  답안 파일(한 줄에 답 하나)을 채점; 틀린 답마다 맞는\n"
     "                  답과 그 까닭을 보이는 추적 줄; 만점이면 종료 상태 0,\n"
     "                  아니면 1\n"
     "  grade FILE DIR  한 반: DIR의 파일들(이름 순, 숨은 파일 제외), 또는 ANSWERS\n"
     "                  여럿: 학생마다 한 줄, 질문마다 맞힌 비율, 점수 막대그림;\n"
     "                  모든 파일을 채점했으면 종료 상태 0, 채점하지 못한 파일이\n"
     "                  있으면 1 (파일마다 까닭을 말하고 나머지는 채점함)\n"
     "    --csv OUT     성적표: file,student,variant,score,max,q1,...,error\n"
     "                  (OUT이 -이면 표준 출력, 보고는 표준 오류로)\n"
     "    --feedback DIR  학생마다의 보고(파일 하나일 때 보이는 것)를 DIR에\n"
     "                  답안 파일의 이름으로\n"
     "    --lang L      en 또는 ko (기본: 로케일)\n"},
     {NULL, NULL}},
};

static const char *const intro[PS_LANG_COUNT] = {
    "Simulates the seven-state process lifecycle (New, Ready, Running, Blocked,\n"
    "Ready/Suspend, Blocked/Suspend, Exit) for a scenario file and prints, tick\n"
    "by tick, which process is in which state and why, then the statistics.\n"
    "A FILE may be a shipped scenario's NAME instead (procsim list shows them).\n"
    "Language: --lang en|ko, else the locale (LC_ALL, LC_MESSAGES or LANG\n"
    "starting with ko: Korean).\n",
    "시나리오 파일에 대해 프로세스의 일곱 상태 생애(생성, 준비, 실행, 대기, 보류 준비,\n"
    "보류 대기, 종료)를 시뮬레이션하고, 틱마다 어느 프로세스가 어느 상태에 왜\n"
    "있는지, 그다음 통계를 보여 준다.  FILE 대신 함께 설치된 시나리오의 NAME을\n"
    "써도 된다 (procsim list가 보임).  언어: --lang en|ko, 없으면 로케일 (LC_ALL,\n"
    "LC_MESSAGES, LANG이 ko로 시작하면 한국어).\n"};

static const char *const footer[PS_LANG_COUNT] = {
    "Exit status: 0 success, 1 runtime failure (e.g. deadlock), 2 bad usage or\n"
    "invalid input (errors are FILE:LINE:COLUMN: message); procsim trace: COMMAND's\n"
    "(procsim trace --help says more).\n"
    "Scenario format: docs/scenario-format.md.  Engine rules: docs/engine.md.\n",
    "종료 상태: 0 성공, 1 실행 중 실패 (예: 교착 상태), 2 잘못된 사용 또는 잘못된\n"
    "입력 (오류는 FILE:LINE:COLUMN: 설명); procsim trace: COMMAND의 것\n"
    "(procsim trace --help에 더 있음).\n"
    "시나리오 형식: docs/scenario-format.md.  엔진 규칙: docs/engine.md.\n"};

#define NHELPS (sizeof helps / sizeof helps[0])

/* The synopsis lines of h, the first after `lead`, the rest after as
 * many spaces. */
static void synopsis(FILE *out, const help *h, const char *lead)
{
    const char *p = h->synopsis;
    for (int first = 1; *p; first = 0) {
        size_t n = strcspn(p, "\n");
        if (*p == ' ')
            fprintf(out, "%*s%.*s\n", (int)strlen(lead), "", (int)n, p);
        else
            fprintf(out, "%*s%sprocsim %.*s\n", first ? 0 : (int)strlen(lead), "",
                    first ? lead : "", (int)n, p);
        p += n + (p[n] == '\n');
    }
}

static const help *find(const char *cmd)
{
    for (size_t i = 0; i < NHELPS; i++)
        if (!strcmp(helps[i].name, cmd))
            return &helps[i];
    return NULL;
}

/* The synopsis of h under its heading: "usage: procsim ..." in English;
 * in Korean the heading on a line of its own and the command lines under
 * it, so that each line to type starts with "procsim". */
static void usage_lines(FILE *out, const help *h)
{
    if (cli_lang == PS_LANG_KO) {
        fputs(CLI_W(W_HELP_USAGE), out);
        synopsis(out, h, "  ");
    } else {
        synopsis(out, h, "usage: ");
    }
}

int cli_help(FILE *out, const char *cmd)
{
    const help *h = find(cmd);
    if (h) {
        usage_lines(out, h);
        fprintf(out, "\n%s\n%s", h->body[cli_lang],
                h->footer[cli_lang] ? h->footer[cli_lang] : footer[cli_lang]);
    }
    return EXIT_OK;
}

void cli_usage(FILE *out, const char *cmd)
{
    const help *h = find(cmd);
    if (h) {
        usage_lines(out, h);
        fprintf(out, CLI_W(W_HELP_MORE), cmd);
    }
}

void cli_help_all(FILE *out)
{
    int ko = cli_lang == PS_LANG_KO;
    const char *lead = ko ? "  " : "       ";
    if (ko)
        fputs(CLI_W(W_HELP_USAGE), out);
    fprintf(out, CLI_W(W_HELP_TOUR), ko ? lead : "usage: ");
    for (size_t i = 0; i < NHELPS; i++)
        synopsis(out, &helps[i], lead);
    fprintf(out, CLI_W(W_HELP_COMMAND), lead);
    fprintf(out, "%sprocsim --help | --version\n\n", lead);
    fputs(intro[cli_lang], out);
    fputc('\n', out);
    for (size_t i = 0; i < NHELPS; i++)
        fputs(helps[i].body[cli_lang], out);
    fputc('\n', out);
    fputs(footer[cli_lang], out);
}
