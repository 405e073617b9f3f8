"""The names staff use for the days of the week (in a slide's `show: days:`), Monday first.

Apart from the content model so that the attract loop can read schedules without importing the
model (~30 ms of dataclasses), which a kiosk start does not need before its first frame.
"""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
