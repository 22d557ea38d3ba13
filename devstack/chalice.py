"""`python -m devstack.chalice local ...`: Chalice's own CLI, with Nagle's algorithm turned off.

chalice local's request handler sends a response's headers and its body in two writes. With
Nagle's algorithm on the server's socket and delayed ACKs on the client's, the body then waits
for the ACK of the headers: about 40 ms added to every response with a body, on loopback too,
which hides the real latency of the local stack (`make load`) and slows every client. The
handler is told to set TCP_NODELAY (socketserver's `disable_nagle_algorithm`); the rest is
`chalice` unchanged.
"""

from __future__ import annotations

import sys


def main() -> int:
    from chalice.cli import main as chalice_main
    from chalice.local import ChaliceRequestHandler

    ChaliceRequestHandler.disable_nagle_algorithm = True
    sys.argv[0] = "chalice"
    return int(chalice_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
