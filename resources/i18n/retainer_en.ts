<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>usually every …</comment>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First purchase %Ln days ago.</source>
        <translation>
            <numerusform>First purchase %Ln day ago.</numerusform>
            <numerusform>First purchase %Ln days ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No purchase for %Ln days; usually every {gap}.</source>
        <translation>
            <numerusform>No purchase for %Ln day; usually every {gap}.</numerusform>
            <numerusform>No purchase for %Ln days; usually every {gap}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No purchase for %Ln days.</source>
        <translation>
            <numerusform>No purchase for %Ln day.</numerusform>
            <numerusform>No purchase for %Ln days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>saved …</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>saved …</comment>
        <translation>
            <numerusform>%Ln purchase</numerusform>
            <numerusform>%Ln purchases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers added</source>
        <translation>
            <numerusform>%Ln customer added</numerusform>
            <numerusform>%Ln customers added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <comment>customers …</comment>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <comment>customers …</comment>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases added</source>
        <translation>
            <numerusform>%Ln purchase added</numerusform>
            <numerusform>%Ln purchases added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days past their usual rhythm</source>
        <translation>
            <numerusform>%Ln day past their usual rhythm</numerusform>
            <numerusform>%Ln days past their usual rhythm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more wait their turn, most worth calling first.</source>
        <translation>
            <numerusform>%Ln more waits their turn, most worth calling first.</numerusform>
            <numerusform>%Ln more wait their turn, most worth calling first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done for today: %Ln calls to customers drifting away are logged, as many as Today holds in a day.</source>
        <translation>
            <numerusform>Done for today: %Ln call to a customer drifting away is logged, as many as Today holds in a day.</numerusform>
            <numerusform>Done for today: %Ln calls to customers drifting away are logged, as many as Today holds in a day.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today holds %Ln calls a day to customers drifting away.</source>
        <translation>
            <numerusform>Today holds %Ln call a day to customers drifting away.</numerusform>
            <numerusform>Today holds %Ln calls a day to customers drifting away.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of your %Ln customers has a purchase recorded yet. Record or import their purchases: Retainer learns each one&apos;s rhythm from them and tells you who falls behind.</source>
        <translation>
            <numerusform>Your %Ln customer has no purchase recorded yet. Record or import their purchases: Retainer learns each one&apos;s rhythm from them and tells you who falls behind.</numerusform>
            <numerusform>None of your %Ln customers has a purchase recorded yet. Record or import their purchases: Retainer learns each one&apos;s rhythm from them and tells you who falls behind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{prospects} of your %Ln customers have no purchase recorded, so Retainer cannot yet tell whether they are drifting away: import or record their purchases.</source>
        <translation>
            <numerusform>{prospects} of your %Ln customer has no purchase recorded, so Retainer cannot yet tell whether they are drifting away: import or record their purchases.</numerusform>
            <numerusform>{prospects} of your %Ln customers have no purchase recorded, so Retainer cannot yet tell whether they are drifting away: import or record their purchases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers are drifting away, but each was called or dismissed in the last {cooldown}, is marked do not call, or has been silent for over {winback}.</source>
        <translation>
            <numerusform>%Ln customer is drifting away, but was called or dismissed in the last {cooldown}, is marked do not call, or has been silent for over {winback}.</numerusform>
            <numerusform>%Ln customers are drifting away, but each was called or dismissed in the last {cooldown}, is marked do not call, or has been silent for over {winback}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>in the last …</comment>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>for over …</comment>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>remove the …</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>remove the …</comment>
        <translation>
            <numerusform>%Ln purchase</numerusform>
            <numerusform>%Ln purchases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>put back the …</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows read.</source>
        <translation>
            <numerusform>%Ln row read.</numerusform>
            <numerusform>%Ln rows read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>the import would add …</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>the import would add …</comment>
        <translation>
            <numerusform>%Ln purchase</numerusform>
            <numerusform>%Ln purchases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>find … you already have</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln repeated rows</source>
        <comment>and find …</comment>
        <translation>
            <numerusform>%Ln repeated row</numerusform>
            <numerusform>%Ln repeated rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows have problems and would be left out.</source>
        <translation>
            <numerusform>%Ln row has problems and would be left out.</numerusform>
            <numerusform>%Ln rows have problems and would be left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with problems were left out.</source>
        <translation>
            <numerusform>%Ln row with problems was left out.</numerusform>
            <numerusform>%Ln rows with problems were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln control characters that Excel does not accept were removed.</source>
        <translation>
            <numerusform>%Ln control character that Excel does not accept was removed.</numerusform>
            <numerusform>%Ln control characters that Excel does not accept were removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more problems.</source>
        <translation>
            <numerusform>… and %Ln more problem.</numerusform>
            <numerusform>… and %Ln more problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with problems</source>
        <translation>
            <numerusform>%Ln row with problems</numerusform>
            <numerusform>%Ln rows with problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers to call on {date}:</source>
        <translation>
            <numerusform>%Ln customer to call on {date}:</numerusform>
            <numerusform>%Ln customers to call on {date}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file}: the sheet “{sheet}” has %Ln rows; at most {max} can be imported at once. Split the file.</source>
        <translation>
            <numerusform>{file}: the sheet “{sheet}” has %Ln row; at most {max} can be imported at once. Split the file.</numerusform>
            <numerusform>{file}: the sheet “{sheet}” has %Ln rows; at most {max} can be imported at once. Split the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file} has %Ln rows; at most {max} can be imported at once. Split the file.</source>
        <translation>
            <numerusform>{file} has %Ln row; at most {max} can be imported at once. Split the file.</numerusform>
            <numerusform>{file} has %Ln rows; at most {max} can be imported at once. Split the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undo delete of %Ln customers</source>
        <translation>
            <numerusform>Undo delete of %Ln customer</numerusform>
            <numerusform>Undo delete of %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bought something in the last %Ln days</source>
        <translation>
            <numerusform>bought something in the last %Ln day</numerusform>
            <numerusform>bought something in the last %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{bad} of %Ln phone numbers written without a country code are not valid for {current}; read as numbers from {country}, {valid} of them are.</source>
        <translation>
            <numerusform>{bad} of %Ln phone number written without a country code is not valid for {current}; read as a number from {country}, {valid} of them is.</numerusform>
            <numerusform>{bad} of %Ln phone numbers written without a country code are not valid for {current}; read as numbers from {country}, {valid} of them are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Customers added by this import have %Ln purchases recorded since; undoing it would lose them. Delete those customers one by one instead.</source>
        <translation>
            <numerusform>Customers added by this import have %Ln purchase recorded since; undoing it would lose it. Delete those customers one by one instead.</numerusform>
            <numerusform>Customers added by this import have %Ln purchases recorded since; undoing it would lose them. Delete those customers one by one instead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases, {total} in all</source>
        <translation>
            <numerusform>%Ln purchase, {total} in all</numerusform>
            <numerusform>%Ln purchases, {total} in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in the trash</source>
        <translation>
            <numerusform>%Ln in the trash</numerusform>
            <numerusform>%Ln in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln to the trash. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Moved %Ln to the trash. Ctrl+Z brings it back.</numerusform>
            <numerusform>Moved %Ln to the trash. Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln.</source>
        <translation>
            <numerusform>Restored %Ln.</numerusform>
            <numerusform>Restored %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs at least %Ln customers with purchases: each one is scored against the others, and with fewer the scores would say little.</source>
        <translation>
            <numerusform>Needs at least %Ln customer with purchases: each one is scored against the others, and with fewer the scores would say little.</numerusform>
            <numerusform>Needs at least %Ln customers with purchases: each one is scored against the others, and with fewer the scores would say little.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Column titles found on row {row}; {n} of %Ln columns recognised.</source>
        <translation>
            <numerusform>Column titles found on row {row}; {n} of %Ln column recognised.</numerusform>
            <numerusform>Column titles found on row {row}; {n} of %Ln columns recognised.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today (%Ln)</source>
        <translation>
            <numerusform>Today (%Ln)</numerusform>
            <numerusform>Today (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retainer — %Ln to call today</source>
        <translation>
            <numerusform>Retainer — %Ln to call today</numerusform>
            <numerusform>Retainer — %Ln to call today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retainer: %Ln to call today</source>
        <translation>
            <numerusform>Retainer: %Ln to call today</numerusform>
            <numerusform>Retainer: %Ln to call today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers to call today</source>
        <translation>
            <numerusform>%Ln customer to call today</numerusform>
            <numerusform>%Ln customers to call today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more customers to call today</source>
        <translation>
            <numerusform>%Ln more customer to call today</numerusform>
            <numerusform>%Ln more customers to call today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today: %Ln to call</source>
        <translation>
            <numerusform>Today: %Ln to call</numerusform>
            <numerusform>Today: %Ln to call</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ranked by spend and delay. Once %Ln or more customers have bought twice, Retainer also estimates how likely each one still buys from you (now: {have}).</source>
        <translation>
            <numerusform>Ranked by spend and delay. Once %Ln or more customers have bought twice, Retainer also estimates how likely each one still buys from you (now: {have}).</numerusform>
            <numerusform>Ranked by spend and delay. Once %Ln or more customers have bought twice, Retainer also estimates how likely each one still buys from you (now: {have}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snoozed %Ln until {date}.</source>
        <translation>
            <numerusform>Snoozed %Ln until {date}.</numerusform>
            <numerusform>Snoozed %Ln until {date}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dismissed %Ln. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Dismissed %Ln. Ctrl+Z brings it back.</numerusform>
            <numerusform>Dismissed %Ln. Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln calls to {path}.</source>
        <translation>
            <numerusform>Saved %Ln call to {path}.</numerusform>
            <numerusform>Saved %Ln calls to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln customers to {file}.</source>
        <translation>
            <numerusform>Saved %Ln customer to {file}.</numerusform>
            <numerusform>Saved %Ln customers to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>backed up …</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>restored …</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>a backup with …</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>moved …</comment>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loyalty tiers saved: %Ln customers changed tier (Ctrl+Z undoes it).</source>
        <translation>
            <numerusform>Loyalty tiers saved: %Ln customer changed tier (Ctrl+Z undoes it).</numerusform>
            <numerusform>Loyalty tiers saved: %Ln customers changed tier (Ctrl+Z undoes it).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>since the last purchase</comment>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undo the message to %Ln customers</source>
        <translation>
            <numerusform>Undo the message to %Ln customer</numerusform>
            <numerusform>Undo the message to %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers today. Right-click to delete.</source>
        <translation>
            <numerusform>%Ln customer today. Right-click to delete.</numerusform>
            <numerusform>%Ln customers today. Right-click to delete.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers match them today.</source>
        <translation>
            <numerusform>%Ln customer matches them today.</numerusform>
            <numerusform>%Ln customers match them today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Goes to %Ln customers.</source>
        <translation>
            <numerusform>Goes to %Ln customer.</numerusform>
            <numerusform>Goes to %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out: %Ln ({why}).</source>
        <translation>
            <numerusform>Left out: %Ln ({why}).</numerusform>
            <numerusform>Left out: %Ln ({why}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them were contacted within the quiet time; you will be asked about them.</source>
        <translation>
            <numerusform>%Ln of them was contacted within the quiet time; you will be asked about them.</numerusform>
            <numerusform>%Ln of them were contacted within the quiet time; you will be asked about them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of these customers were called or written to within the quiet time (Settings → Quiet time after a call). Another message so soon can annoy them.</source>
        <translation>
            <numerusform>%Ln of these customers was called or written to within the quiet time (Settings → Quiet time after a call). Another message so soon can annoy them.</numerusform>
            <numerusform>%Ln of these customers were called or written to within the quiet time (Settings → Quiet time after a call). Another message so soon can annoy them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln recipients to {file} and logged the message on their cards. Ctrl+Z takes the log back.</source>
        <translation>
            <numerusform>Saved %Ln recipient to {file} and logged the message on their card. Ctrl+Z takes the log back.</numerusform>
            <numerusform>Saved %Ln recipients to {file} and logged the message on their cards. Ctrl+Z takes the log back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Of the customers put on the Today list in the period for drifting away, how many bought again within %Ln days of a call or a message — against those nobody reached, counted from the day they were put on the list.</source>
        <translation>
            <numerusform>Of the customers put on the Today list in the period for drifting away, how many bought again within %Ln day of a call or a message — against those nobody reached, counted from the day they were put on the list.</numerusform>
            <numerusform>Of the customers put on the Today list in the period for drifting away, how many bought again within %Ln days of a call or a message — against those nobody reached, counted from the day they were put on the list.</numerusform>
        </translation>
    </message>
</context>
</TS>
