<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>Tik om jouw behandeling te vinden</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>Overslaan</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>Bekijk mijn advies</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>Opnieuw beginnen</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>Vraag %1 van %2</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>Kies er één</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>Kies er maximaal %n</numerusform>
            <numerusform>Kies er maximaal %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>Kies alles wat van toepassing is</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>Deze vraag mag je overslaan</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>Ons advies voor jou</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>Omdat je ons vertelde</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>Ook een goede keuze</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>Laat deze code zien bij de receptie</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>Scan om te boeken</translation>
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
            <numerusform>Deze behandeling duurt %n minuut, iets langer dan de tijd die je hebt. De receptie helpt je graag een moment te vinden.</numerusform>
            <numerusform>Deze behandeling duurt %n minuten, iets langer dan de tijd die je hebt. De receptie helpt je graag een moment te vinden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>Ben je er nog?</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>Over %n seconde beginnen we opnieuw, zodat je antwoorden privé blijven.</numerusform>
            <numerusform>Over %n seconden beginnen we opnieuw, zodat je antwoorden privé blijven.</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>Ik heb meer tijd nodig</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>Grotere tekst</translation>
    </message>
</context>
</TS>
