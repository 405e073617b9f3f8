"""What keeps a kiosk alive unattended: content reload, staff PIN, anonymous usage counts, logging,
single instance, the systemd unit and watchdog, screen blanking.

Pure Python (no PySide6), except `chart.py`, which draws the `stats --chart` picture with Qt.
"""
