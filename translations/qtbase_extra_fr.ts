<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt's qtbase_fr.qm leaves in English (checked with PySide6 6.x: the
     file dialog's "Look in" and "Files of type" labels). Loaded after qtbase_fr by
     allervers.ui.i18n; compiled by translations/update.sh. -->
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Regarder &amp;dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
</TS>
