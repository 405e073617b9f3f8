<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>Tocca per trovare il tuo trattamento</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>Avanti</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>Salta</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>Vedi il mio suggerimento</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>Indietro</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>Ricomincia</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>Domanda %1 di %2</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>Scegli una risposta</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>Scegline al massimo %n</numerusform>
            <numerusform>Scegline fino a %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>Scegli tutte quelle che fanno per te</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>Puoi saltare questa domanda</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>Il nostro consiglio per te</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>Perché ci hai detto</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>Ti potrebbe piacere anche</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>Mostra questo codice alla reception</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>Inquadra per prenotare</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This session takes %n minutes, a little more than the time you have. Our front desk can help you find a moment.</source>
        <comment>more_time</comment>
        <translation>
            <numerusform>Questo trattamento dura %n minuto, un po&apos; più del tempo che hai a disposizione. La reception ti aiuterà a trovare un momento.</numerusform>
            <numerusform>Questo trattamento dura %n minuti, un po&apos; più del tempo che hai a disposizione. La reception ti aiuterà a trovare un momento.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>Fatto</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>Ci sei ancora?</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>Ricominceremo tra %n secondo per mantenere riservate le tue risposte.</numerusform>
            <numerusform>Ricominceremo tra %n secondi per mantenere riservate le tue risposte.</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>Mi serve più tempo</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>Testo più grande</translation>
    </message>
</context>
</TS>
