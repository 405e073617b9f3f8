<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>Choose up to %n</numerusform>
            <numerusform>Choose up to %n</numerusform>
        </translation>
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
            <numerusform>This session takes %n minute, a little more than the time you have. Our front desk can help you find a moment.</numerusform>
            <numerusform>This session takes %n minutes, a little more than the time you have. Our front desk can help you find a moment.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>We will start over in %n second to keep your answers private.</numerusform>
            <numerusform>We will start over in %n seconds to keep your answers private.</numerusform>
        </translation>
    </message>
</context>
</TS>
