# A pool of four workers squares 1..9; results are printed as they complete.
# 워커 넷의 풀이 1..9를 제곱한다. 결과는 끝나는 대로 출력된다.
#   procsim trace --cpus 1 -- python3 examples/python/pool_as_completed.py
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor, as_completed


def work(units):
    # about 20 ms of computing per unit / 단위마다 약 20 ms 계산
    sum(i * i for i in range(units * 500_000))


def square(x):
    work(10 - x)  # the later tasks are quicker / 뒤의 작업일수록 빨리 끝난다
    return x * x


if __name__ == "__main__":
    fork = mp.get_context("fork")  # Linux's default before 3.14 / 3.14 전 리눅스 기본값
    with ProcessPoolExecutor(4, mp_context=fork) as pool:
        futures = {pool.submit(square, x): x for x in range(1, 10)}
        total = 0
        for f in as_completed(futures):  # in the order they finish / 끝나는 순서로
            print(futures[f], "->", f.result())
            total += f.result()
    print("sum", total)  # 285
