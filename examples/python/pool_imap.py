# multiprocessing.Pool: the same squares with imap_unordered (ForkPoolWorker-N).
# multiprocessing.Pool: 같은 제곱을 imap_unordered로 (워커 이름은 ForkPoolWorker-N).
#   procsim trace -- python3 examples/python/pool_imap.py
import multiprocessing as mp


def square(x):
    sum(i * i for i in range((10 - x) * 500_000))  # about 20 ms a unit / 단위당 약 20 ms
    return x * x


if __name__ == "__main__":
    with mp.get_context("fork").Pool(4) as pool:  # four workers, reused / 워커 넷을 다시 쓴다
        results = list(pool.imap_unordered(square, range(1, 10)))
    print(results)  # in the order they finished / 끝난 순서
    print("sum", sum(results))  # 285
