# A shared Value incremented without a lock: updates are lost (expected 450).
# 락 없이 공유 Value를 늘린다: 갱신이 사라진다 (기대값 450).
#   procsim trace -- python3 examples/python/value_race.py
import multiprocessing as mp

N_PROCS, N_TIMES = 9, 50


def work():
    sum(i * i for i in range(50_000))  # about 2 ms / 약 2 ms


def worker(counter):
    for _ in range(N_TIMES):
        v = counter.value  # read / 읽기
        work()  # meanwhile others may write / 그 사이에 다른 프로세스가 쓸 수 있다
        counter.value = v + 1  # write: wipes out their updates / 쓰기: 그 갱신을 덮어쓴다


if __name__ == "__main__":
    mp.set_start_method("fork")  # Linux's default before 3.14 / 3.14 전 리눅스 기본값
    counter = mp.Value("i", 0)
    procs = [mp.Process(target=worker, args=(counter,)) for _ in range(N_PROCS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("expected", N_PROCS * N_TIMES, "got", counter.value)  # got less / 더 적게 나온다
