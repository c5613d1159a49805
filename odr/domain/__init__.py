"""The pure rules of odr: states, deadlines, intake, jurisdiction and money.

Nothing here imports a web framework, a database driver or a socket library; every module is
tested without I/O.
"""
