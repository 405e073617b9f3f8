<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>Toque para encontrar a sua sessão</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>Pular</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>Ver a minha sugestão</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>Voltar</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>Recomeçar</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>Pergunta %1 de %2</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>Escolha uma opção</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>Escolha até %n opção</numerusform>
            <numerusform>Escolha até %n opções</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>Escolha todas as que se aplicam</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>Esta pergunta é opcional</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>A nossa sugestão</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>Porque nos disse</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>Também é uma boa opção</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>Mostre este código no atendimento</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>Leia o código para reservar</translation>
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
            <numerusform>Esta sessão dura %n minuto, um pouco mais do que o tempo de que dispõe. O nosso atendimento ajuda a encontrar um momento.</numerusform>
            <numerusform>Esta sessão dura %n minutos, um pouco mais do que o tempo de que dispõe. O nosso atendimento ajuda a encontrar um momento.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>Ainda está aí?</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>Vamos recomeçar dentro de %n segundo para manter as suas respostas privadas.</numerusform>
            <numerusform>Vamos recomeçar dentro de %n segundos para manter as suas respostas privadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>Preciso de mais tempo</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>Texto maior</translation>
    </message>
</context>
</TS>
