<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>Touchez pour trouver votre séance</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>Passer</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>Voir ma suggestion</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>Question %1 sur %2</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>Choisissez une réponse</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>Choisissez-en jusqu&apos;à %n</numerusform>
            <numerusform>Choisissez-en jusqu&apos;à %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>Choisissez tout ce qui s&apos;applique</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>Vous pouvez passer cette question</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>Notre suggestion pour vous</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>Parce que vous nous avez dit</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>Aussi adapté</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>Montrez ce code à l&apos;accueil</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>Scannez pour réserver</translation>
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
            <numerusform>Cette séance dure %n minute, un peu plus que votre temps. L&apos;accueil vous aidera à trouver un moment.</numerusform>
            <numerusform>Cette séance dure %n minutes, un peu plus que votre temps. L&apos;accueil vous aidera à trouver un moment.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>Vous êtes toujours là ?</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>Nous recommencerons dans %n seconde pour garder vos réponses privées.</numerusform>
            <numerusform>Nous recommencerons dans %n secondes pour garder vos réponses privées.</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>J&apos;ai besoin de plus de temps</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>Texte plus grand</translation>
    </message>
</context>
</TS>
