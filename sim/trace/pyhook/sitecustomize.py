"""procsim trace's hook: the names of a Python program's processes.

`procsim trace` puts this directory first on PYTHONPATH, so that every
Python it starts imports this file at startup (as site.py does with any
sitecustomize), and gives it a pipe: the descriptor number in the
environment variable PROCSIM_TRACE_FD.  Then each process multiprocessing
starts (Process(name=...), a Pool's ForkPoolWorker-N, a Manager's server)
is reported as one line "PID NAME\\n" on that pipe, its name at its start:
a name given later (p.name = ... inside the child) is not reported;
procsim keeps showing the one it had.  Who writes the line depends on the
start method: a child started with fork inherits the pipe and reports
itself, first thing (BaseProcess._bootstrap); a child started with spawn
or forkserver (the default on Linux from Python 3.14) does not inherit it,
so its parent reports it as soon as start() knows its pid
(BaseProcess.start).  Each child is reported once.

What it promises the student's program:
- Without PROCSIM_TRACE_FD it does nothing but look for the next
  sitecustomize (below): no import, no file, no cost worth measuring.
- It imports nothing for a program that does not use multiprocessing: it
  waits for multiprocessing.process to be imported and wraps
  BaseProcess._bootstrap (the function a child runs first) and
  BaseProcess.start (what the parent calls) then.
- It never raises into the program: on any error it stops reporting, and
  procsim names the process after its command instead.  It writes only to
  that descriptor, and only if it is still the pipe it was given (a FIFO
  open for writing: a child started with the spawn method inherits no such
  descriptor, and its number may be another file there).  Each line is one
  write shorter than PIPE_BUF, so lines from many processes never mix; the
  pipe is non-blocking, so a full pipe loses a name, never stalls a child.
- It leaves nothing behind: not even Python's bytecode cache of this file,
  since __pycache__ in this folder is a file, where Python cannot make its
  folder (it then goes on, silently, without a cache).
- Another sitecustomize (Debian's, a virtualenv's) that this one hides by
  coming first on sys.path still runs, after it, as it would have.
"""

import os
import sys


def _report(fd, name, pid=None):
    """One line on the pipe (for pid, this process if None); False once
    reporting has to stop."""
    pid = os.getpid() if pid is None else pid
    line = "%d %s\n" % (pid, name.replace("\n", " ").replace("\r", " "))
    data = line.encode("utf-8", "replace")
    if len(data) > 200:  # procsim's buffer is 256 bytes; cut at a character
        data = data[:199].decode("utf-8", "ignore").encode("utf-8") + b"\n"
    try:
        os.write(fd, data)
    except BlockingIOError:
        pass  # the pipe is full: this name is lost, the next may pass
    return True


def _usable(fd):
    import stat

    st = os.fstat(fd)
    if not stat.S_ISFIFO(st.st_mode):
        return False
    import fcntl

    if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE != os.O_WRONLY:
        return False
    os.set_blocking(fd, False)
    return True


def _wrap(module, fd):
    """Wrap module.BaseProcess._bootstrap (the child reports itself, if it
    has the pipe: the fork method) and BaseProcess.start (the parent
    reports a child that has not: spawn, forkserver)."""
    base = module.BaseProcess
    bootstrap, start = base._bootstrap, base.start
    child = {"on": True}   # this process reporting itself
    parent = {"on": None}  # ... its children (None: not checked yet)

    def _procsim_bootstrap(self, *args, **kwargs):
        if child["on"]:
            try:
                child["on"] = _usable(fd) and _report(fd, str(self.name))
            except Exception:
                child["on"] = False
        return bootstrap(self, *args, **kwargs)

    def _procsim_start(self, *args, **kwargs):
        result = start(self, *args, **kwargs)  # its errors are the program's
        try:
            # a fork child reported itself (earlier); the others cannot
            if parent["on"] is not False and getattr(self._popen, "method", "fork") != "fork":
                if parent["on"] is None:
                    parent["on"] = _usable(fd)
                parent["on"] = parent["on"] and _report(fd, str(self.name), self.pid)
        except Exception:
            parent["on"] = False
        return result

    base._bootstrap = _procsim_bootstrap
    base.start = _procsim_start


class _Finder:
    """Waits for multiprocessing.process to be imported, then wraps it."""

    def __init__(self, fd):
        self.fd = fd

    def find_spec(self, name, path=None, target=None):
        if name != "multiprocessing.process":
            return None
        try:
            sys.meta_path.remove(self)
            from importlib.machinery import PathFinder

            spec = PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return None
            loader, fd = spec.loader, self.fd
            real_exec = loader.exec_module

            def exec_module(module):
                real_exec(module)
                try:
                    _wrap(module, fd)
                except Exception:
                    pass

            loader.exec_module = exec_module
            return spec
        except Exception:
            return None  # the import goes on as if this hook were not here


def _install():
    value = os.environ.get("PROCSIM_TRACE_FD")
    if not value:
        return
    try:
        fd = int(value)
        if fd < 0 or "multiprocessing.process" in sys.modules:
            return
        sys.meta_path.insert(0, _Finder(fd))
    except Exception:
        pass


def _chain():
    """Run the sitecustomize this one hides, if there is one."""
    try:
        here = os.path.dirname(os.path.realpath(__file__))
        # the entries after this folder (the sitecustomize it hides comes
        # later), never this folder again
        rest, seen = [], False
        for entry in sys.path:
            mine = os.path.realpath(entry or os.curdir) == here
            seen = seen or mine
            if seen and not mine:
                rest.append(entry)
        from importlib.machinery import PathFinder
        from importlib.util import module_from_spec

        spec = PathFinder.find_spec("sitecustomize", rest)
        if spec is None or spec.loader is None:
            return
        module = module_from_spec(spec)
    except Exception:
        return
    sys.modules["sitecustomize"] = module
    spec.loader.exec_module(module)  # its errors are site.py's to report, as before


_install()
_chain()
