"""The kiosk's own phrases (buttons, headings, the idle warning) and their translations.

Pure Python, no Qt: `catalogue` lists the phrases in English and says which count a number;
`languages` names languages and tells which ones the kiosk ships words for. The translations
are Qt Linguist files beside them (kiosk_<code>.ts, compiled to kiosk_<code>.qm); the running
kiosk reads the compiled ones with Qt's QTranslator (kiosk.ui.phrases).
"""
