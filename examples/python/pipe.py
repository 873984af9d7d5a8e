# A Pipe between two processes: the parent sends 7, the child answers 49.
# 두 프로세스 사이의 Pipe: 부모가 7을 보내면 자식이 49로 답한다.
#   procsim trace -- python3 examples/python/pipe.py
import multiprocessing as mp
import time


def child(conn):
    x = conn.recv()  # Blocked until the parent sends / 부모가 보낼 때까지 대기
    conn.send(x * x)
    conn.close()


if __name__ == "__main__":
    mp.set_start_method("fork")  # Linux's default before 3.14 / 3.14 전 리눅스 기본값
    # Pipe() is two connected sockets on Linux (duplex); Pipe(False) would be a pipe.
    # 리눅스에서 Pipe()는 서로 이어진 소켓 둘이다 (양방향). Pipe(False)는 파이프다.
    parent_conn, child_conn = mp.Pipe()
    p = mp.Process(target=child, args=(child_conn,), name="child")
    p.start()
    child_conn.close()  # the parent keeps only its own end / 부모는 자기 끝만 남긴다
    time.sleep(0.3)  # the child waits for us meanwhile / 그동안 자식은 기다린다
    parent_conn.send(7)
    print(parent_conn.recv())  # 49: Blocked until the child answers / 자식이 답할 때까지 대기
    p.join()
