<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>Toca para encontrar tu sesión</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>Saltar</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>Ver mi sugerencia</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>Elige una opción</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>Elige hasta %n</numerusform>
            <numerusform>Elige hasta %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>Elige todas las que quieras</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>Puedes saltar esta pregunta</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>Nuestra sugerencia para ti</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>Porque nos dijiste</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>También te puede gustar</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>Muestra este código en recepción</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>Escanea para reservar</translation>
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
            <numerusform>Esta sesión dura %n minuto, algo más del tiempo que tienes. En recepción te ayudarán a encontrar un momento.</numerusform>
            <numerusform>Esta sesión dura %n minutos, algo más del tiempo que tienes. En recepción te ayudarán a encontrar un momento.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>¿Sigues ahí?</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>Empezaremos de nuevo en %n segundo para proteger tus respuestas.</numerusform>
            <numerusform>Empezaremos de nuevo en %n segundos para proteger tus respuestas.</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>Necesito más tiempo</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>Texto más grande</translation>
    </message>
</context>
</TS>
