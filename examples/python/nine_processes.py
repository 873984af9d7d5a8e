# Nine named processes, each with its own PID and main's PID as its parent.
# 이름 붙은 프로세스 아홉: 저마다 자기 PID를 갖고, 부모 PID는 모두 main이다.
#   procsim trace -- python3 examples/python/nine_processes.py
import multiprocessing as mp
import os
import time

NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"]


def f():
    me = mp.current_process()
    time.sleep(0.3)  # so that all nine are alive at once / 아홉이 한꺼번에 살아 있도록
    print(me.name, os.getpid(), "parent", os.getppid())


if __name__ == "__main__":
    mp.set_start_method("fork")  # Linux's default before 3.14 / 3.14 전 리눅스 기본값
    procs = [mp.Process(target=f, name=name) for name in NAMES]
    for p in procs:
        p.start()  # fork: a new process in New, then Ready / fork: 새 프로세스가 생성, 준비 상태로
    for p in procs:
        p.join()  # main waits in the order it started them / 시작한 순서대로 기다린다
    print("main", os.getpid(), "joined", len(procs))
