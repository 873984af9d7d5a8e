# A crawler: a producer puts nine URLs on a Queue, cpu_count() consumers fetch
# them (the network is a sleep) and store each page's size in a Manager dict.
# 크롤러: 생산자가 URL 아홉을 Queue에 넣고, cpu_count()개의 소비자가 가져와
# (네트워크 대신 잠을 잔다) 페이지 크기를 Manager 딕셔너리에 넣는다.
#   procsim trace -- python3 examples/python/crawler.py
import multiprocessing as mp
import time

URLS = [f"https://example.org/page/{i}" for i in range(1, 10)]


def producer(urls, consumers):
    for url in URLS:
        urls.put(url)
    for _ in range(consumers):
        urls.put(None)  # one sentinel per consumer / 소비자마다 센티널 하나


def consumer(urls, pages):
    while (url := urls.get()) is not None:
        time.sleep(0.2)  # "downloading": Blocked, nanosleep / "내려받기": 대기, nanosleep
        pages[url] = len(url)  # a message to the manager's process / 매니저 프로세스로 가는 메시지


if __name__ == "__main__":
    mp.set_start_method("fork")  # Linux's default before 3.14 / 3.14 전 리눅스 기본값
    n = mp.cpu_count()
    with mp.Manager() as manager:  # starts its server process / 서버 프로세스를 시작한다
        pages = manager.dict()
        urls = mp.Queue()
        p = mp.Process(target=producer, args=(urls, n), name="producer")
        p.start()
        p.join()
        consumers = [mp.Process(target=consumer, args=(urls, pages)) for _ in range(n)]
        for c in consumers:
            c.start()
        for c in consumers:
            c.join()
        print(len(pages), "pages by", n, "consumers")  # 9
