<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>Tippen Sie, um Ihre Behandlung zu finden</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>Meinen Vorschlag ansehen</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>Frage %1 von %2</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>Bitte eine Antwort wählen</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>Bis zu %n wählen</numerusform>
            <numerusform>Bis zu %n wählen</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>Alles Zutreffende wählen</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>Diese Frage können Sie überspringen</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>Unser Vorschlag für Sie</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>Weil Sie uns sagten</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>Auch passend</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>Zeigen Sie diesen Code am Empfang</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>Zum Buchen scannen</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This session takes %n minutes, a little more than the time you have. Our front desk can help you find a moment.</source>
        <comment>more_time</comment>
        <translation>
            <numerusform>Diese Behandlung dauert %n Minute, etwas länger als Ihre Zeit. Der Empfang hilft Ihnen gern, einen Termin zu finden.</numerusform>
            <numerusform>Diese Behandlung dauert %n Minuten, etwas länger als Ihre Zeit. Der Empfang hilft Ihnen gern, einen Termin zu finden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>Sind Sie noch da?</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>In %n Sekunde beginnen wir neu, damit Ihre Antworten privat bleiben.</numerusform>
            <numerusform>In %n Sekunden beginnen wir neu, damit Ihre Antworten privat bleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>Ich brauche mehr Zeit</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>Größere Schrift</translation>
    </message>
</context>
</TS>
