<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone should be digits, e.g. 13800138000 or 010-62888899.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database URL names no database: {url}</source>
        <extracomment>How long SQLite waits for another station&apos;s write lock (ms).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported database URL: {url} (use sqlite:///path, postgresql://... or mysql://...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not a csdesk database (not an SQLite file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the database {url}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {number} has no pickup receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job found for &apos;{number}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the customer (or add a new one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or scan the serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New serial number: choose the product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warranty months between 0 and 240.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit is already in the shop under job {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the fault as the customer tells it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List at least one item received (the unit itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 20 items on one job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promised date is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose free, contract or paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the service kind differs from the rules ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No maintenance agreement covers this unit today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <extracomment>States in which the technician may still record work. action -&gt; (allowed from-states, to-state, note required) Actions that need their own service (they write more than the job).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {id} not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {number} was changed at another station by {user} at {time} since you opened it. Your change was not saved; reload the job and make it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {number} was changed at another station since you opened it. Your change was not saved; reload the job and make it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{action}&apos; is done through {service}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown action &apos;{action}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {number} is &apos;{state}&apos;; &apos;{action}&apos; is allowed only from {sources}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why (a note is required for this step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {number} is closed ({state}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts and labour are recorded while the job is being worked on; job {number} is &apos;{state}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the part or material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part or material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That part line no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 24 hours in one line: split it by day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That labour line no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the service kind differs from the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already holds other tables and is not a csdesk database ({tables}). Choose an empty database or a csdesk one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The csdesk_meta table has no schema version: not a csdesk database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has schema version {version}, newer than this csdesk understands ({supported}). Update csdesk on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product model is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This serial number is already registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agreement covers at least one unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what was wrong with the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register row not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voiding row cannot itself be corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown payment method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>¥{due} is due: choose how it is paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>¥{due} is due; ¥{amount} was entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {number} is &apos;{state}&apos;, not ready for pickup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is collecting the unit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number} does not belong to job {job}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt (empty) does not belong to job {job}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number} was voided on {date} ({reason}). It cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number} has already been used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the collector&apos;s identity document number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release without the pickup receipt needs a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the receipt is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the job is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {number} is &apos;{state}&apos;; only a job not yet repaired can be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {number} has no &apos;in&apos; row in the register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role &apos;{role}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} needs a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct register row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void this row (written in error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The direction was:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit was brought/collected by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was wrong with the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 13800138000 or 010-62888899</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InShopModel</name>
    <message>
        <source>Job no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InformDialog</name>
    <message>
        <source>Customer informed</source>
        <extracomment>One colour per state, shared by the queue and the register. The usual next step from each state: its button comes first, in bold.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. will collect on Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>1  Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone, customer code or pinyin initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer… (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2  Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Serial number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or scan, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Product (model):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New product &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a model not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warranty:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service history of this unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3  Items received (one repair card each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Power adapter/charger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Packaging/box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Data cable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Bag/case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another item, then Enter (empty Enter: go on to the fault)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4  Fault and condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ault (as the customer says):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance and &amp;condition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scratches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cracked screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liquid damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5  Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promised for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service &amp;kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it differs from the rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Brought by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if not the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save and print (F12)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power adapter/charger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packaging/box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data cable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptop bag/case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scratches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cracked screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liquid damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the serial number and press Enter: the product, its warranty, the service kind and the unit&apos;s earlier jobs show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit is already in the shop under job {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New serial number: choose the product and the sale date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warranty until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: this unit is recorded as {0}&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (by the rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} saved, receipt {1} printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} saved, receipt {1} NOT printed: print it from the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main unit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts and materials: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labour: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered by warranty:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered by the agreement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free service under warranty: the customer pays nothing. The cost is shown so the department sees what warranty work costs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract service: the customer pays what the maintenance agreement does not cover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid service: the customer pays parts and labour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed back %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts and labour are recorded while the job is being worked on (from diagnosis to repaired).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? (kept in the job&apos;s history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the job cancelled? (its receipt and register row are voided)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job %1? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warranty until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer &amp;informed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change service &amp;kind…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong and what needs doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parts &amp;&amp; materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price ¥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate ¥/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;emove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts and materials:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost of the repair:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer pays:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print repair &amp;cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the pickup receipt again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service &amp;voucher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobQueueModel</name>
    <message>
        <source>Job no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <source>Change service kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules say:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>csdesk — After-sales service counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales &amp;intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repair cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In/out re&amp;gister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repair cards tab is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The in/out register tab is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Find / scan: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt, repair card, job number or serial, then Enter (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release… (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;operator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find / scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About csdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CJK font for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} handed back to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job window is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job number, receipt, card or serial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About csdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;csdesk&lt;/b&gt; — customer-service and after-sales desk&lt;br&gt;Intake, pickup receipts, repair cards, the workshop queue and the in/out register.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In/Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who brought the unit in or collected it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earlier row this row corrects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1  ·  Out %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>In the &amp;shop now (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) in the shop</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>In/out &amp;register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the &amp;shop now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;erial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>No job or pickup receipt has the number {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the pickup receipt of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} belongs to job {1}, not to {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} was voided ({1}); it cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} has already been used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {0} was already handed back on {1} to {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {0} is “{1}”, not ready for pickup: it cannot be handed back yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose the approving manager —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager must approve a release without the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release a unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickup &amp;receipt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the receipt (LQ-…) or type a job number (WX-…), then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts and materials:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered (warranty / agreement):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Due from the customer:&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service history of this unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collected by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt lost: release against an identity document, with a manager&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collector&apos;s &amp;ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approved by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eason / note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt &amp;lost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release (hand back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepairCardsTab</name>
    <message>
        <source>All technicians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older than 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older than 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older than 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>matching any of %n terms</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not found among these jobs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? (the note is kept in each job&apos;s history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note is required for this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected jobs? Their receipts and register rows are voided; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: it is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) moved to “%1”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepairTab</name>
    <message>
        <source>Workshop queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the jobs past their promised date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job number, serial, customer or phone; paste several serials to find them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print repair cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>80 mm roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Documents open in the preview, where they can be saved as PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese TrueType font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This font cannot be used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing with: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared by every station on this database; printed on receipts, cards and vouchers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickup &amp;terms
(one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station only. A document kind without a printer opens the preview, where you can choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipt printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair &amp;card printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voucher printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt c&amp;opies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt &amp;paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher pap&amp;er:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the repair cards when an intake is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese &amp;font file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(found automatically)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the &amp;screens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change applies when csdesk is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter &amp;defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promised in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promised date an intake starts with (shared by every station).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>Cannot open the database</source>
        <extracomment>UI fonts with Chinese glyphs, by preference (Windows, macOS, Linux).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>csdesk cannot open the database
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an SQLite &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a csdesk database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://user:password@host/dbname or mysql://…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned unrepaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return unrepaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free (warranty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in warranty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>covered by a maintenance agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warranty expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retailer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commissioned agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labour added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labour removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt reissued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Please check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed at another station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be reached; nothing was saved. Check the network or the server and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action failed and nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>print_service</name>
    <message>
        <source>Pickup receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is empty or not a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer {0} cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview needs the PySide6 QtPdf module; save the PDF instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Operator at this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is working at this station?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
