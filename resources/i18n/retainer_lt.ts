<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt">
<context>
    <name></name>
    <message>
        <source>Retainer keeps the customers you already have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;retainer COMMAND --help&apos; for what each command takes. With no command, the window opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer base: a file or a database address (default: RETAINER_DB, then your data folder, as the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make a demo base with made-up customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a demo customer base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file to create; it must not exist yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--customers and --years must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo base ready: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export the whole base to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the whole base to one Excel workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}: {customers} customers, {purchases} purchases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} control characters that Excel does not accept were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import customers from a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import customers (and purchases) from .xlsx, .xls, .ods or .csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sheet to read (default: the first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map a column by its header, e.g. --map &quot;Моб.=phone&quot;; field &apos;&apos; skips the column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what to do with customers already in the base (default: skip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the country of phone numbers written without + and a country code, such as RU or LT; it becomes the base&apos;s setting, as in the window&apos;s import (default: the base&apos;s setting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check everything, save nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown country “{code}”. Countries: {codes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field “{field}”. Fields: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column “{header}” in the header row ({headers}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header on row {row}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To read them so, run the import again with --country {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {row}, {column}: {message} ({value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {n} more problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test run, nothing saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{verb}: {rows} rows; {added} customers added, {updated} updated, {skipped} skipped; {purchases} purchases added; {problems} rows with problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the retention figures for a period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the retention figures for a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first day of the period (default: the first day of last month)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day after the period (default: the first day of this month)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day for figures &apos;as of&apos; (default: today); a past day gives the figures as they stood that morning, with the model fitted on the purchases before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from must be before --to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period {start} – {end} (the day after), as of {as_of}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRR {crr}  (S {s}, E {e}, N {n}, churned {churned}, came back {back});  churn {churn}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases in the period: {n} for {revenue:,.2f}; in all: {total} for {all_revenue:,.2f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS {score}  ({p} promoters, {pa} passives, {d} detractors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat-purchase rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases per customer (365 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average order (365 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average lifetime (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of regulars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFM segments: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BG/NBD (days): r={r:.3f} alpha={alpha:.2f} a={a:.3f} b={b:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BG/NBD: not fitted yet (too few repeat customers, or the window has not run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print whom to call today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print whom to call today, most worth calling first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day to list, like 2026-12-31 (default: today); reminders are made only for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print JSON instead of a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to call on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customers to call on {date}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer base to open: a file or a database address (default: RETAINER_DB, then your data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open a demo base with made-up customers, to look around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open, wait for the first page of customers, print the milliseconds since start and quit (for tests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{location}” is neither a file nor a database address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a customer base file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} for the customer base: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is read-only. Retainer needs to save changes there: copy the file to a folder you can write to, or ask for write permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a Retainer customer base (it is some other kind of file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location} is a database, but not a Retainer customer base. Nothing was changed in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location} cannot be opened as a customer base: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location} has a damaged version stamp; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open {location}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location} was saved by a newer version of Retainer. Install the newer version to open it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location} needs an upgrade first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upgrade {location}: {reason}. A copy was kept at {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location} already holds customers; the demo needs an empty base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— do not import —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed to messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer code (links purchases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by (customer code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent before Retainer (total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases before Retainer (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First purchase (date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last purchase (date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code in the Retainer export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the sheet “{sheet}” cannot be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the sheet “{sheet}” has {n} rows; at most {max} can be imported at once. Split the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}. Save it again from Excel and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has no sheet named “{sheet}”. Its sheets: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} claims to unpack to {size} MB, far more than any real workbook; it was refused without opening it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} contains XML with entity declarations, which real workbooks never have and which can be used to attack the computer; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged or cut short (it cannot be unpacked). Save it again from Excel and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged or cut short (its size does not fit an Excel 97–2003 workbook). Save it again from Excel and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is a workbook saved with a .csv name; rename it to .xlsx (or .xls) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is larger than 512 MB; split it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a text file, whatever its name says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has {n} rows; at most {max} can be imported at once. Split the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: Retainer imports .xlsx, .xls, .ods and .csv files, not “{suffix}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a spreadsheet, whatever its name says (or it is damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel, remove the password and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged or cut short and cannot be read ({reason}). Save it again from Excel and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has no sheets with data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A birthday cannot be {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purchase does not say whose it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purchase has no amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row has no name, phone, e-mail, code or card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total spent is below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total is too large; check for an extra zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date {date} is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first purchase is after the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is below zero, like a return; only purchases and visits are imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large; check for an extra zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purchase date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purchase date is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purchase has an amount but no date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not an amount of money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a number of purchases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is neither yes nor no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a date; type it like 31.12.1990.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a real date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhappy answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went to a competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Germany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{phone}” does not look like a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number for {country}. Numbers from abroad start with + and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} must be a {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} must be at least {min}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} must be at most {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} cannot be {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First purchase today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First purchase {days} days ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase for {days} days; usually every {gap:g} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase for {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{email}” is not an e-mail address (like name@example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birthday is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag is too long (at most 60 characters): “{tag}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot be below zero; 0 records a free visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the call went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how you contacted them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score is from 0 to 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next call must be after today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When should you call back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the name of the person they recommended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo call with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recommended by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo adding {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete of {n} customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer cannot refer themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The referring customer no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {card} already belongs to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer: summary on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone in the base, outside the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bought something in the last {n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of customers who bought once, the share who came back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purchases in the last year / customers who bought in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average order ({currency})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revenue / purchases, last 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first to last purchase of customers who lapsed or were lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2+ purchases in the last year / customers who bought in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active at start (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active at end (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRR = (E − N) / S: of the customers you had at the start of the month, the share you still had at its end, not counting new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer retention and churn by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detractors (0–6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS = % promoters − % detractors, from each customer&apos;s latest answer in the month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS answers by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by (code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code in your files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases before Retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent before Retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First purchase before Retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last purchase before Retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score (0–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered {score} of 10: ask what went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a score or write what the customer said.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write how the complaint was resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This feedback no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose why the customer left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo marking as lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo won back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer with this code, card number, phone or e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card number already belongs to another customer; the customer was imported without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bad} of {total} phone numbers written without a country code are not valid for {current}; read as numbers from {country}, {valid} of {total} are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {file} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: all the columns are in one, their values joined by “{separator}” (for example “{example}…”), so nothing can be told apart. In Excel, select the column and use Data → Text to Columns with “{separator}” as the separator, save, and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which column holds the name, the phone, the e-mail, the customer&apos;s code or the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases need a date: choose the column with the purchase date, or do not import the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read: it is damaged or written in a way Retainer does not understand ({reason}). Nothing was imported. Open it in Excel, save it again as .xlsx and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import is not in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers added by this import have {n} purchases recorded since; undoing it would lose them. Delete those customers one by one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo purchase of {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo purchase change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo purchase delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This purchase no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reminder date is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo new reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze until a day after today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You planned this call: it comes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A birthday: a short call keeps you in mind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spends about {amount} a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{p:.0%} likely still a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n:.1f} purchases expected in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too little history yet to estimate who is still a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days past their usual rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher spend, a better chance they are still yours and a longer delay put a customer higher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done for today: {called} calls to customers drifting away are logged, as many as Today holds in a day. {n} more wait their turn, most worth calling first; Settings changes how many calls a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today holds {daily} calls a day to customers drifting away. {n} more wait their turn, most worth calling first; Settings changes how many.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no customers yet. Import your list or add customers, with their purchases: Retainer learns each one&apos;s rhythm and tells you who falls behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of your {total} customers has a purchase recorded yet. Record or import their purchases: Retainer learns each one&apos;s rhythm from them and tells you who falls behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prospects} of your {total} customers have no purchase recorded, so Retainer cannot yet tell whether they are drifting away: import or record their purchases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customers are drifting away, but each was called or dismissed in the last {cooldown} days, is marked do not call, or has been silent for over {winback} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who buys is keeping to their usual pace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a demo base…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer base could not be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Details were saved in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The three questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>didn&apos;t say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes, fully</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a product or service that would help them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Are you 100 % satisfied with us? If not, why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Anything else we could offer you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Someone who might be interested in us?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“How likely are you to recommend us to a friend, from 0 to 10?”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd.mm.yyyy, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t call this customer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would recommend us (0–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call again on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed {name}&apos;s details. Save the changes before Retainer closes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were editing {name} when Retainer closed: restore your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in at least the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me to call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an answer or complaint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet. Calls logged from the Today list appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback yet. Answers to “how likely are you to recommend us” and complaints appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reminders for this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as lost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has left: record why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the customer first (Ctrl+S), then add purchases here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they bought (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchases yet. Type an amount above and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P: type an amount, Enter to save. Double-click a purchase to correct it; Del removes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (in the trash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} purchases, {total} in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer since {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{p:.0%} likely still a customer, {n:.1f} purchases expected in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes from before Retainer closed are back; they are not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed this customer&apos;s details. Save the changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. +370 612 34567 or 8 916 123-45-67</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. VIP, coffee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how they found you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed to receive messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type a name or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody referred this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the customer from the list that opens as you type, or clear the field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buying much less often than usual: worth a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase for longer than the lapse period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One purchase so far, recently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buying at their usual pace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has not bought anything yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import my Excel list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start empty: add a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look around a demo base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by name, phone, e-mail, card or tag (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFM segment: how recently and how often they buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show customers moved to the trash, to restore them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a customer (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the customers shown, as filtered, to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your customers will be listed here with their status, so you can see who is drifting away. Bring in the list you keep in Excel, start with an empty base, or look around a demo base first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trash is empty. Customers you delete go here, and can be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches “{text}”. Check the spelling, or type fewer letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has this status or tag right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} in the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved {n} to the trash. Ctrl+Z brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be saved to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months after the first purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no earlier period to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount}{unit} against the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention (CRR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the customers you had at the start of the period, how many you still had at its end, not counting new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers active at the start and not at the end, out of those active at the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% promoters (9–10) − % detractors (0–6), from each customer&apos;s latest answer in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought something in the lapse period before the period&apos;s end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of customers who bought once, the share who came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue / purchases over the last 365 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention and churn by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs purchases from at least two months: retention compares the start and the end of each month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs 0–10 answers: record them on a card or during a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohorts: share still buying, by month of first purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs purchases: each month&apos;s new customers become a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers by status (click a bar to list them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFM segments (click a bar to list them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs at least {n} customers with purchases: each one is scored against the others, and with fewer the scores would say little.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why customers left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs customers marked as lost, with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S = {s} active at the start, E = {e} at the end, N = {n} new: (E − N) / S.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s} at the start − {churned} left + {back} came back + {n} new = {e} at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount}{unit} during the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of all buying customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the last 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what they said, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How likely are you to recommend us to a friend, from 0 to 10?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what you did about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their status becomes Lost and their waiting calls are closed. If they come back, press “Won back” on the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why did they leave?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution or reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS = % promoters − % detractors, from each customer&apos;s latest answer in the period; from −100 to +100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unresolved complaints only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the card to resolve a complaint or call back (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No 0–10 answers in this period yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS {score:+d} — {p} promoters, {pa} passives, {d} detractors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers to “how likely are you to recommend us”, complaints and why customers left appear here. Record them on a customer&apos;s card or in the call dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches these filters. Choose a longer period or all answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported yet. Files you import with File → Import from Excel are listed here, and each can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the selected import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the {added} customers and {purchases} purchases this import added, and put back the {updated} customers it changed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as chosen above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill in what is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already there as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx, .xls), a LibreOffice sheet (.ods) or a .csv file with your customers — and their purchases, if you have them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sheet of purchases that names each customer by phone, e-mail or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column titles on row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases from the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workbook exported by Retainer: customers, purchases, calls and feedback will be imported together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column titles found on row {row}; {n} of {total} columns recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet “{sheet}” has no columns for the customer (phone, e-mail or code), the date and the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is in each column?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer guessed from the titles; change anything it got wrong. Columns set to “do not import” are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered from the last file with these columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each kind of value can come from one column only: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is how the first rows will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows in red have a problem and will be left out; hover for why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers without + and a country code are from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file names its customers only by a code or a card number: each one becomes a customer, shown as “Customer 00123” until you import a list with their names (matched by the same code) or type a name on the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals instead of purchases: each customer&apos;s total, number of purchases and dates become their history before Retainer, so tomorrow&apos;s call list already shows who has drifted away. No purchase is made up from them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read them as numbers from {country}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the whole file and lists every problem and every customer you already have, without saving anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers already in the base (same phone or e-mail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update them from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only fill in what is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Run the test” to check the whole file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the problem list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} rows read. The import would add {added} customers and {purchases} purchases, and find {in_base} customers you already have and {in_file} repeated rows. {bad} rows have problems and would be left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving when the test run finishes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the problem list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import problems.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {added} customers added, {updated} updated, {skipped} skipped; {purchases} purchases added. {bad} rows with problems were left out. You can undo this import later from File → Import history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed and nothing was saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving when the import finishes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer — {n} to call today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is still running. Stop it and quit? Nothing of it will be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export everything to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole base as one Excel workbook in your Documents folder (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this &amp;list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer {version}
Keep the customers you already have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer: {n} to call today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer: nobody to call today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customers to call today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} more customers to call today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the call is about, e.g. the new menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On which day?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer with no purchase for longer than this is lapsed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A regular (three purchases or more) is at risk when the time since their last purchase is this many times their usual gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a call or a dismissed reminder, no automatic reminder for this long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind this many days before a birthday; 0 turns birthday reminders off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers silent for longer than this are no longer put on the call list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many customers drifting away Today lists a day, most worth calling first; the others wait their turn. Promised calls and birthdays are always listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers typed without + and a country code are read as numbers of this country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsed after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk after their usual gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet time after a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday reminders ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop calling after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls a day on Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still buying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How likely the customer still buys from you, from their own purchase history and the whole base&apos;s (the BG/NBD model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a call with the selected customer (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the phone number (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the number in your phone app (a tel: link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call needed (Del); Ctrl+Z brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save today&apos;s calls as an Excel file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: {n} to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most worth calling first: promised calls, birthdays, then customers drifting away, by what they spend, how likely they still buy from you and how overdue they are. Hover over a row for its reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranked by spend and delay. Once {n} or more customers have bought twice, Retainer also estimates how likely each one still buys from you (now: {have}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to call today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here you will find customers who buy less often than usual or have stopped coming, birthdays a few days ahead, and calls you promised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call with {name} saved. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed {n} until {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed {n}. Ctrl+Z brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls-{date}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save today&apos;s calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {n} calls to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {n} customers to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
