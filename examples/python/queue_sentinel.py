# A producer puts 1..5 on a Queue, then None; the consumer adds until None.
# 생산자가 Queue에 1..5를 넣고 마지막에 None을 넣는다. 소비자는 None까지 더한다.
#   procsim trace -- python3 examples/python/queue_sentinel.py
import multiprocessing as mp
import time


def producer(q):
    for item in range(1, 6):
        time.sleep(0.1)  # making an item takes time / 항목 하나 만드는 데 시간이 걸린다
        q.put(item)
    q.put(None)  # the sentinel: nothing more will come / 센티널: 더 올 것이 없다


def consumer(q):
    total = 0
    while (item := q.get()) is not None:  # Blocked: read on pipe / 대기: 파이프 읽기
        total += item
    print("total", total)  # 15


if __name__ == "__main__":
    mp.set_start_method("fork")  # Linux's default before 3.14 / 3.14 전 리눅스 기본값
    q = mp.Queue()
    procs = [
        mp.Process(target=producer, args=(q,), name="producer"),
        mp.Process(target=consumer, args=(q,), name="consumer"),
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
