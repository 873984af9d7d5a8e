# start / join with a timeout / is_alive / terminate, then a join that waits.
# start / 시간 제한 있는 join / is_alive / terminate, 그다음 끝까지 기다리는 join.
#   procsim trace -- python3 examples/python/start_join.py
import multiprocessing as mp
import time


def slow():
    time.sleep(10)  # longer than main will wait / main이 기다려 줄 시간보다 길다


def quick():
    time.sleep(0.5)  # ends on its own / 스스로 끝난다


if __name__ == "__main__":
    # fork: Linux's default before Python 3.14 (then forkserver, a process between).
    # fork: 파이썬 3.14 전까지 리눅스의 기본값 (그 뒤로는 중간에 forkserver 프로세스가 낀다).
    mp.set_start_method("fork")
    p = mp.Process(target=slow, name="slow")
    p.start()
    p.join(timeout=0.5)  # Blocked: poll on its sentinel, at most 0.5 s / 대기: 최대 0.5초 poll
    print("slow alive after join(0.5):", p.is_alive())  # True: the join timed out / 시간 초과
    p.terminate()  # SIGTERM: slow goes to Exit, killed / SIGTERM: slow가 죽어 종료 상태로
    p.join()  # reaps it / 회수한다
    print("slow:", p.is_alive(), p.exitcode)  # False -15
    q = mp.Process(target=quick, name="quick")
    q.start()
    q.join()  # Blocked: wait4 for quick / 대기: quick을 wait4로 기다림
    print("quick:", q.is_alive(), q.exitcode)  # False 0
