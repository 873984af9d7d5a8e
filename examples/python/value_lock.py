# The same shared Value with its Lock held from the read to the write: 450.
# 같은 공유 Value를 읽기부터 쓰기까지 락을 잡고 늘린다: 450.
#   procsim trace -- python3 examples/python/value_lock.py
import multiprocessing as mp

N_PROCS, N_TIMES = 9, 50


def work():
    sum(i * i for i in range(50_000))  # about 2 ms / 약 2 ms


def worker(counter):
    for _ in range(N_TIMES):
        with counter.get_lock():  # the others wait here: Blocked, futex (lock) / 나머지는 여기서 대기
            v = counter.value  # read / 읽기
            work()
            counter.value = v + 1  # write, before anyone else reads / 다른 누가 읽기 전에 쓰기


if __name__ == "__main__":
    mp.set_start_method("fork")  # Linux's default before 3.14 / 3.14 전 리눅스 기본값
    counter = mp.Value("i", 0)
    procs = [mp.Process(target=worker, args=(counter,)) for _ in range(N_PROCS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("expected", N_PROCS * N_TIMES, "got", counter.value)  # 450
