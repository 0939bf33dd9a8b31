"""Running the app for real: the operator's commands, each a module with one job.

``doctor``          the checks of a deployment: database, files, fonts, questionnaires, secrets
``doctor_command``  ``python -m netclarity doctor``
``backup``          a consistent copy of the database while people answer, and loading one back
``backup_command``  ``python -m netclarity backup -o FILE``
``restore_command`` ``python -m netclarity restore FILE``
``retention``       what expires after ``retention_days``, deleted in one transaction
``expire_command``  ``python -m netclarity expire`` (from cron or a systemd timer)
``arguments``       ``--database`` and the app's settings, shared by the commands

Each command reads the database URL the app uses (``netclarity.config``) unless given
``--database``, prints what it did on standard output and problems as plain lines on standard
error, and exits 1 when something is wrong.
"""
