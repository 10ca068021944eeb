<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Choose a member of staff.</source>
        <extracomment>Customer statuses. &quot;prospect&quot; and &quot;refused&quot; belong to new-customer selection (:mod:`app.domain.selection`); the others are customers. Every field of the archive the editor may change (Customer columns; ``code`` is issued once and never changes). The company&apos;s judgements: only &quot;customer.archive.edit&quot; changes them. Free text, kept as typed (the others are names, codes and numbers: cleaned).</extracomment>
        <translation>请选择一名员工。</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已回应</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Product / unit</source>
        <translation>产品/设备</translation>
    </message>
    <message>
        <source>Repair job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付/时效</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Repair workmanship</source>
        <translation>维修质量</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延误</translation>
    </message>
    <message>
        <source>Price / charges</source>
        <translation>价格/收费</translation>
    </message>
    <message>
        <source>Misunderstanding</source>
        <translation>误解</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>来信</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调查表</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Partly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>No answer could be had</source>
        <translation>未能取得用户意见</translation>
    </message>
    <message>
        <source>Entered directly</source>
        <translation>直接登记</translation>
    </message>
    <message>
        <source>Contact register</source>
        <translation>客服登记本</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>走访报告</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Acknowledge (first contact)</source>
        <translation>回应（首次联系）</translation>
    </message>
    <message>
        <source>Start the investigation</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>答复用户</translation>
    </message>
    <message>
        <source>Close the complaint</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>At most {limit} characters (this has {n}).</source>
        <extracomment>action -&gt; (the states it starts from, the state it reaches, who: &quot;handler&quot; | &quot;manager&quot;) The longest texts (characters): the columns&apos; sizes, and what a text may reasonably hold.
----------
The printed book&apos;s words (the book is Chinese or English whatever the screen&apos;s language). The longest texts a line keeps (characters): the columns&apos; sizes, and what a matter or answer may reasonably hold (a letter is summarised, not copied).</extracomment>
        <translation>最多 {limit} 个字（现为 {n} 个）。</translation>
    </message>
    <message>
        <source>Choose an active member of staff.</source>
        <translation>请选择一名在职员工。</translation>
    </message>
    <message>
        <source>Contact line not found.</source>
        <translation>找不到该登记记录。</translation>
    </message>
    <message>
        <source>Visit not found.</source>
        <translation>找不到该走访记录。</translation>
    </message>
    <message>
        <source>Survey not found.</source>
        <translation>找不到该调查表。</translation>
    </message>
    <message>
        <source>Choose how serious it is.</source>
        <translation>请选择严重程度。</translation>
    </message>
    <message>
        <source>Choose what is complained about.</source>
        <translation>请选择投诉对象。</translation>
    </message>
    <message>
        <source>Choose how the complaint came in.</source>
        <translation>请选择投诉方式。</translation>
    </message>
    <message>
        <source>Write down what the customer said.</source>
        <translation>请记录用户的原话。</translation>
    </message>
    <message>
        <source>Choose the customer who complains.</source>
        <translation>请选择投诉的客户。</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>{number} belongs to another customer.</source>
        <translation>{number} 属于其他客户。</translation>
    </message>
    <message>
        <source>Name the product or unit complained about.</source>
        <translation>请指明被投诉的产品或设备。</translation>
    </message>
    <message>
        <source>Name the repair job complained about.</source>
        <translation>请指明被投诉的维修单。</translation>
    </message>
    <message>
        <source>Name the staff member complained about.</source>
        <translation>请指明被投诉的工作人员。</translation>
    </message>
    <message>
        <source>{user} may not handle complaints.</source>
        <translation>{user} 无权处理投诉。</translation>
    </message>
    <message>
        <source>Line {number} is a complaint already.</source>
        <translation>登记 {number} 已立为投诉。</translation>
    </message>
    <message>
        <source>Survey {number} is a complaint already.</source>
        <translation>调查表 {number} 已立为投诉。</translation>
    </message>
    <message>
        <source>The complaint of visit {number} is recorded already.</source>
        <translation>走访 {number} 中的投诉已登记。</translation>
    </message>
    <message>
        <source>Complaint {id} not found.</source>
        <translation>找不到投诉 {id}。</translation>
    </message>
    <message>
        <source>{user} may see only the complaints they received or handle.</source>
        <translation>{user} 只能查看本人受理或负责处理的投诉。</translation>
    </message>
    <message>
        <source>Only a manager may {what}.</source>
        <translation>只有经理可以执行“{what}”。</translation>
    </message>
    <message>
        <source>{user} is not responsible for complaint {number}.</source>
        <translation>{user} 不是投诉 {number} 的处理责任人。</translation>
    </message>
    <message>
        <source>Complaint {number} is &apos;{state}&apos;; &apos;{what}&apos; is not possible now.</source>
        <translation>投诉 {number} 当前为“{state}”，不能执行“{what}”。</translation>
    </message>
    <message>
        <source>Say what the customer was told at the first contact.</source>
        <translation>请填写首次联系时对用户的答复。</translation>
    </message>
    <message>
        <source>Say what caused the complaint.</source>
        <translation>请选择投诉原因。</translation>
    </message>
    <message>
        <source>Write down the reply given to the customer.</source>
        <translation>请填写给用户的答复。</translation>
    </message>
    <message>
        <source>Say how the customer was answered.</source>
        <translation>请选择答复方式。</translation>
    </message>
    <message>
        <source>A complaint is closed only after the customer had a reply.</source>
        <translation>投诉须在答复用户后才能结案。</translation>
    </message>
    <message>
        <source>Record the customer&apos;s answer to the reply.</source>
        <translation>请记录用户对答复的意见。</translation>
    </message>
    <message>
        <source>Say why the customer&apos;s answer could not be had.</source>
        <translation>请说明未能取得用户意见的原因。</translation>
    </message>
    <message>
        <source>Write the closing remarks.</source>
        <translation>请填写结案意见。</translation>
    </message>
    <message>
        <source>Say why the customer is not satisfied.</source>
        <translation>请说明用户不满意的原因。</translation>
    </message>
    <message>
        <source>Complaint {number} is closed: reopen it first.</source>
        <translation>投诉 {number} 已结案：请先重新处理。</translation>
    </message>
    <message>
        <source>The deadline cannot come before the complaint was received.</source>
        <translation>期限不能早于受理时间。</translation>
    </message>
    <message>
        <source>The close cannot come before the reply.</source>
        <translation>结案期限不能早于答复期限。</translation>
    </message>
    <message>
        <source>Enter an amount of 0 or more, e.g. 50000 or 12,000.00.</source>
        <translation>请输入 0 或以上的金额，例如 50000 或 12,000.00。</translation>
    </message>
    <message>
        <source>Enter a whole number of 0 or more.</source>
        <translation>请输入 0 或以上的整数。</translation>
    </message>
    <message>
        <source>Enter text here.</source>
        <translation>请在此处输入文字。</translation>
    </message>
    <message>
        <source>The text holds a NUL character (\0), which cannot be stored; type it again without it.</source>
        <translation>文字中含有空字符（\0），无法保存，请删除后重新输入。</translation>
    </message>
    <message>
        <source>At most {n} characters ({count} entered).</source>
        <translation>最多 {n} 个字符（已输入 {count} 个）。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>At least {minimum}.</source>
        <translation>不能小于 {minimum}。</translation>
    </message>
    <message>
        <source>Between {minimum} and {maximum}.</source>
        <translation>应在 {minimum} 至 {maximum} 之间。</translation>
    </message>
    <message>
        <source>At most {n} decimal places.</source>
        <translation>最多保留 {n} 位小数。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <source>Yes or no.</source>
        <translation>请选择“是”或“否”。</translation>
    </message>
    <message>
        <source>Enter a date and time.</source>
        <translation>请输入日期和时间。</translation>
    </message>
    <message>
        <source>Enter a date as 2021-03-01.</source>
        <translation>请按 2021-03-01 的格式输入日期。</translation>
    </message>
    <message>
        <source>Choose one from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>该日期晚于今天。</translation>
    </message>
    <message>
        <source>Name is required.</source>
        <extracomment>The trade partners whom §2.2 has investigated and the manager approve before they are customers (an end user is simply served).</extracomment>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.com.</source>
        <translation>请输入电子邮箱地址，例如 name@example.com。</translation>
    </message>
    <message>
        <source>Choose a category: dealer, retailer, commissioned agent or end user.</source>
        <translation>请选择类别：经销商、零售商、委托代理商或终端用户。</translation>
    </message>
    <message>
        <source>Choose a status: active, suspended, closed, prospect or refused.</source>
        <translation>请选择状态：正常、暂停、已关闭、潜在客户或未入选。</translation>
    </message>
    <message>
        <source>The credit rating is A, B, C, D or empty.</source>
        <translation>信用等级应为 A、B、C、D 或留空。</translation>
    </message>
    <message>
        <source>The unified social credit code has 18 letters and digits.</source>
        <translation>统一社会信用代码由 18 位字母和数字组成。</translation>
    </message>
    <message>
        <source>Choose the kind of address.</source>
        <translation>请选择地址类型。</translation>
    </message>
    <message>
        <source>Enter the address.</source>
        <translation>请填写地址。</translation>
    </message>
    <message>
        <source>A postcode has 6 digits.</source>
        <translation>邮政编码为 6 位数字。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <extracomment>Matches a search&apos;s probe reads: at most this many are sorted here. Sorts whose index carries the search text and status (schema v3). Columns the overview sorts by (codes the UI maps to its headers).</extracomment>
        <translation>请选择客户类别。</translation>
    </message>
    <message>
        <source>The database URL names no database: {url}</source>
        <translation>数据库 URL 中未指定数据库：{url}</translation>
    </message>
    <message>
        <source>Unsupported database URL: {url} (use sqlite:///path, postgresql://... or mysql://...)</source>
        <extracomment>A connection idle longer than this (s) is checked before it is used again. Called inside every top-level write transaction just before COMMIT (the operation log of app.domain.core.operations registers itself here). How long SQLite waits for another station&apos;s write lock (ms).</extracomment>
        <translation>不支持的数据库 URL：{url}（请使用 sqlite:///路径、postgresql://... 或 mysql://...）</translation>
    </message>
    <message>
        <source>The database URL {url} names no file: write sqlite:///path/to/file.sqlite3.</source>
        <translation>数据库地址 {url} 没有指明文件，请写成 sqlite:///路径/文件名.sqlite3。</translation>
    </message>
    <message>
        <source>The port in the database URL {url} is {port}: a port is a number from 1 to 65535 (PostgreSQL&apos;s is usually 5432, MariaDB&apos;s 3306).</source>
        <translation>数据库地址 {url} 中的端口是 {port}：端口应为 1 至 65535 之间的数字（PostgreSQL 通常为 5432，MariaDB 通常为 3306）。</translation>
    </message>
    <message>
        <source>The database URL {url} is malformed. Write it as {form}.</source>
        <translation>数据库地址 {url} 格式有误，请写成 {form}。</translation>
    </message>
    <message>
        <source>{path} is an empty file (0 bytes), not a csdesk database. csdesk does not turn it into a new database: choose another file, or delete this one to start a new database there.</source>
        <translation>{path} 是空文件（0 字节），不是 csdesk 数据库。csdesk 不会把它变成新数据库：请选择其他文件，或删除此文件后在此新建数据库。</translation>
    </message>
    <message>
        <source>The database file {path} (or its folder) is read-only for this user, and csdesk must write to both. Give this user write access, or copy the file to a folder where it can be written.</source>
        <translation>数据库文件 {path}（或其所在文件夹）对当前用户是只读的，而 csdesk 需要写入二者。请给此用户写权限，或把文件复制到可写的文件夹。</translation>
    </message>
    <message>
        <source>{url} is not a csdesk database (not an SQLite file).</source>
        <translation>{url} 不是 csdesk 数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {detail}</source>
        <translation>无法打开数据库 {url}：{detail}</translation>
    </message>
    <message>
        <source>Cannot reach the database {url}: {detail}</source>
        <translation>无法连接数据库 {url}：{detail}</translation>
    </message>
    <message>
        <source>The database {name} stores text as {charset}, which cannot hold every Chinese character (𠮷 and other rare ones would fail when saved). csdesk opens it once it uses utf8mb4: have the server&apos;s administrator run

{statements}

then start csdesk again.</source>
        <translation>数据库 {name} 的文本字符集为 {charset}，无法保存所有汉字（“𠮷”等生僻字保存时会出错）。数据库改用 utf8mb4 后 csdesk 才能打开：请数据库服务器管理员执行

{statements}

然后重新启动 csdesk。</translation>
    </message>
    <message>
        <source>Tables of the database {name} store text in another character set than utf8mb4, which cannot hold every Chinese character (𠮷 and other rare ones would fail when saved). csdesk opens it once they use utf8mb4: have the server&apos;s administrator run

{statements}

then start csdesk again.</source>
        <translation>数据库 {name} 中有数据表的文本字符集不是 utf8mb4，无法保存所有汉字（“𠮷”等生僻字保存时会出错）。这些表改用 utf8mb4 后 csdesk 才能打开：请数据库服务器管理员执行

{statements}

然后重新启动 csdesk。</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation>无法连接数据库：{detail}</translation>
    </message>
    <message>
        <source>Job {number} has no pickup receipt.</source>
        <translation>维修单 {number} 没有领取收据。</translation>
    </message>
    <message>
        <source>No job found for &apos;{number}&apos;.</source>
        <translation>未找到与“{number}”对应的维修单。</translation>
    </message>
    <message>
        <source>Choose the customer (or add a new one).</source>
        <translation>请选择客户（或新建客户）。</translation>
    </message>
    <message>
        <source>Type or scan the serial number.</source>
        <translation>请输入或扫描序列号。</translation>
    </message>
    <message>
        <source>New serial number: choose the product.</source>
        <translation>新序列号：请选择产品。</translation>
    </message>
    <message>
        <source>The sale date cannot be in the future.</source>
        <translation>销售日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Choose whether the unit is taken in for its owner or changed hands.</source>
        <translation>请选择：为机主代收，还是机器已转让。</translation>
    </message>
    <message>
        <source>This unit is already in the shop under job {number}.</source>
        <translation>该产品已在店内维修（维修单 {number}）。</translation>
    </message>
    <message>
        <source>Describe the fault as the customer tells it.</source>
        <translation>请按客户描述填写故障。</translation>
    </message>
    <message>
        <source>List at least one item received (the unit itself).</source>
        <translation>请至少填写一项随机物品（即产品本身）。</translation>
    </message>
    <message>
        <source>At most 20 items on one job.</source>
        <translation>一张维修单最多 20 项随机物品。</translation>
    </message>
    <message>
        <source>The promised date is in the past.</source>
        <translation>预计取件日期不能早于今天。</translation>
    </message>
    <message>
        <source>Choose free, contract or paid.</source>
        <translation>请选择无偿、协议或有偿。</translation>
    </message>
    <message>
        <source>This unit is recorded as {owner}&apos;s: take it in for {owner}, or record that it now belongs to {customer}.</source>
        <translation>此机器登记在{owner}名下：请选择为{owner}代收，或登记为已转给{customer}。</translation>
    </message>
    <message>
        <source>Say why the service kind differs from the rules ({kind}).</source>
        <translation>请说明服务类型与规定（{kind}）不同的原因。</translation>
    </message>
    <message>
        <source>No maintenance agreement covers this unit today.</source>
        <translation>目前没有覆盖该产品的维修协议。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <extracomment>States in which the technician may still record work. action -&gt; (allowed from-states, to-state, note required) Actions that need their own service (they write more than the job). How the customer was told (JobHistory &quot;informed&quot;).</extracomment>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Job {id} not found.</source>
        <translation>未找到维修单 {id}。</translation>
    </message>
    <message>
        <source>Job {number} was changed at another station by {user} at {time} since you opened it. Your change was not saved; reload the job and make it again.</source>
        <translation>您打开维修单 {number} 后，{user} 已于 {time} 在其他工作站修改了该维修单。您的修改未保存，请重新载入维修单后再操作一次。</translation>
    </message>
    <message>
        <source>Job {number} was changed at another station since you opened it. Your change was not saved; reload the job and make it again.</source>
        <translation>您打开维修单 {number} 后，该维修单已在其他工作站被修改。您的修改未保存，请重新载入维修单后再操作一次。</translation>
    </message>
    <message>
        <source>&apos;{action}&apos; is done through {service}.</source>
        <translation>“{action}”须通过 {service} 完成。</translation>
    </message>
    <message>
        <source>Unknown action &apos;{action}&apos;.</source>
        <translation>未知操作“{action}”。</translation>
    </message>
    <message>
        <source>Job {number} is &apos;{state}&apos;; &apos;{action}&apos; is allowed only from {sources}.</source>
        <translation>维修单 {number} 当前为“{state}”；“{action}”只能在以下状态下执行：{sources}。</translation>
    </message>
    <message>
        <source>Say why (a note is required for this step).</source>
        <translation>请说明原因（此步骤必须填写备注）。</translation>
    </message>
    <message>
        <source>Job {number} is closed ({state}).</source>
        <translation>维修单 {number} 已关闭（{state}）。</translation>
    </message>
    <message>
        <source>Parts and labour are recorded while the job is being worked on; job {number} is &apos;{state}&apos;.</source>
        <translation>配件和工时只能在维修过程中登记；维修单 {number} 当前为“{state}”。</translation>
    </message>
    <message>
        <source>Describe the part or material.</source>
        <translation>请填写配件或材料的说明。</translation>
    </message>
    <message>
        <source>part or material</source>
        <translation>配件或材料</translation>
    </message>
    <message>
        <source>That part line no longer exists.</source>
        <translation>该配件行已不存在。</translation>
    </message>
    <message>
        <source>More than 24 hours in one line: split it by day.</source>
        <translation>一行超过 24 小时：请按天分行登记。</translation>
    </message>
    <message>
        <source>That labour line no longer exists.</source>
        <translation>该工时行已不存在。</translation>
    </message>
    <message>
        <source>Choose how the customer was told.</source>
        <translation>请选择通知客户的方式。</translation>
    </message>
    <message>
        <source>Say why the service kind differs from the rules.</source>
        <translation>请说明服务类型与规定不同的原因。</translation>
    </message>
    <message>
        <source>This database already holds other tables and is not a csdesk database ({tables}). Choose an empty database or a csdesk one.</source>
        <translation>该数据库已包含其他数据表，不是 csdesk 数据库（{tables}）。请选择空数据库或 csdesk 数据库。</translation>
    </message>
    <message>
        <source>The csdesk_meta table has no schema version: not a csdesk database.</source>
        <translation>csdesk_meta 表中没有架构版本：不是 csdesk 数据库。</translation>
    </message>
    <message>
        <source>This database has schema version {version}, newer than this csdesk understands ({supported}). Update csdesk on this computer.</source>
        <translation>该数据库的架构版本为 {version}，高于本机 csdesk 支持的版本（{supported}）。请更新本机的 csdesk。</translation>
    </message>
    <message>
        <source>Product model is required.</source>
        <translation>请填写产品型号。</translation>
    </message>
    <message>
        <source>Serial number is required.</source>
        <translation>请填写序列号。</translation>
    </message>
    <message>
        <source>This serial number is already registered.</source>
        <translation>该序列号已登记。</translation>
    </message>
    <message>
        <source>The agreement ends before it starts.</source>
        <translation>协议的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>An agreement covers at least one unit.</source>
        <translation>协议至少须覆盖一台产品。</translation>
    </message>
    <message>
        <source>Say what was wrong with the row.</source>
        <translation>请说明该登记行的错误之处。</translation>
    </message>
    <message>
        <source>Register row not found.</source>
        <translation>未找到该登记行。</translation>
    </message>
    <message>
        <source>Row {number} has been corrected already: correct the row that corrects it.</source>
        <translation>登记行 {number} 已被更正过：请更正那条更正行。</translation>
    </message>
    <message>
        <source>Choose in, out or void.</source>
        <translation>请选择“进”“出”或“作废”。</translation>
    </message>
    <message>
        <source>A voiding row cannot itself be corrected.</source>
        <translation>作废行本身不能再更正。</translation>
    </message>
    <message>
        <source>Row {number} was corrected already by row {by}; correct that row instead.</source>
        <translation>登记行 {number} 已由登记行 {by} 更正，请更正该行。</translation>
    </message>
    <message>
        <source>Unknown payment method.</source>
        <translation>未知的付款方式。</translation>
    </message>
    <message>
        <source>¥{due} is due: choose how it is paid.</source>
        <translation>应收 ¥{due}：请选择付款方式。</translation>
    </message>
    <message>
        <source>Job {number} is &apos;{state}&apos;, not ready for pickup.</source>
        <translation>维修单 {number} 当前为“{state}”，还不能取件。</translation>
    </message>
    <message>
        <source>Who is collecting the unit?</source>
        <translation>请填写取件人。</translation>
    </message>
    <message>
        <source>Receipt {number} does not belong to job {job}.</source>
        <translation>收据 {number} 不属于维修单 {job}。</translation>
    </message>
    <message>
        <source>Receipt (empty) does not belong to job {job}.</source>
        <translation>收据（空）不属于维修单 {job}。</translation>
    </message>
    <message>
        <source>Receipt {number} was voided on {date} ({reason}). It cannot be used.</source>
        <translation>收据 {number} 已于 {date} 作废（{reason}），不能使用。</translation>
    </message>
    <message>
        <source>Receipt {number} has already been used.</source>
        <translation>收据 {number} 已使用过。</translation>
    </message>
    <message>
        <source>Record the collector&apos;s identity document number.</source>
        <translation>请登记取件人的身份证件号码。</translation>
    </message>
    <message>
        <source>Release without the pickup receipt needs a manager&apos;s approval.</source>
        <translation>无领取收据交付取件须经理批准。</translation>
    </message>
    <message>
        <source>Nothing is due on this job: take no payment (¥{amount} was entered).</source>
        <translation>本单无应收款项，无需收费（已输入 ¥{amount}）。</translation>
    </message>
    <message>
        <source>¥{due} is more than one payment can record; check the parts and labour.</source>
        <translation>应收 ¥{due} 超出单笔收款可记录的金额，请核对配件和工时。</translation>
    </message>
    <message>
        <source>Enter the amount received (¥{due} is due).</source>
        <translation>请输入实收金额（应收 ¥{due}）。</translation>
    </message>
    <message>
        <source>¥{due} is due; ¥{amount} is not enough.</source>
        <translation>应收 ¥{due}，实收 ¥{amount} 不足。</translation>
    </message>
    <message>
        <source>¥{due} is due; ¥{amount} was entered. Only cash can be more than what is due (the change is given back).</source>
        <translation>应收 ¥{due}，已输入 ¥{amount}。只有现金可以多收（多出部分找零退还）。</translation>
    </message>
    <message>
        <source>Scan or type the number on the pickup receipt.</source>
        <translation>请扫描或输入领取收据上的编号。</translation>
    </message>
    <message>
        <source>Say why the receipt is replaced.</source>
        <translation>请说明补发收据的原因。</translation>
    </message>
    <message>
        <source>Say why the job is cancelled.</source>
        <translation>请说明取消维修单的原因。</translation>
    </message>
    <message>
        <source>Job {number} is &apos;{state}&apos;; only a job not yet repaired can be cancelled.</source>
        <translation>维修单 {number} 当前为“{state}”；只有尚未修复的维修单才能取消。</translation>
    </message>
    <message>
        <source>Job {number} has no &apos;in&apos; row in the register.</source>
        <translation>维修单 {number} 在进出登记中没有“进”登记行。</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <extracomment>The OWASP Password Storage Cheat Sheet&apos;s scrypt parameters (128 MB, ~0.3 s a hash). The cost new hashes are made with; only tests lower it (:func:`use_test_cost`). The most memory a stored hash&apos;s parameters may ask for (a forged row must not exhaust the station). Wrong passwords in a row that cost nothing; then each attempt waits. The first wait after FREE_FAILURES wrong passwords, doubled at each further one, up to the cap (seconds).</extracomment>
        <translation>至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password must not be or contain the user name.</source>
        <translation>密码不能是用户名，也不能包含用户名。</translation>
    </message>
    <message>
        <source>This is one of the most common passwords, the first any intruder tries. Choose another.</source>
        <translation>这是最常见的密码之一，入侵者首先就会尝试。请换一个。</translation>
    </message>
    <message>
        <source>{n} wrong passwords in a row: wait until {time} ({seconds} s) and try again. The administrator can lift the wait in File › Users.</source>
        <translation>已连续输错 {n} 次密码：请等到 {time}（{seconds} 秒后）再试。系统管理员可在“文件 › 用户管理”中解除等待。</translation>
    </message>
    <message>
        <source>That user no longer exists.</source>
        <translation>该用户已不存在。</translation>
    </message>
    <message>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名不存在或密码错误。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the administrator.</source>
        <translation>该账户已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>No password has been set for this account yet. Ask the administrator to set one.</source>
        <translation>该账户尚未设置密码，请联系系统管理员设置。</translation>
    </message>
    <message>
        <source>The approver&apos;s password is wrong.</source>
        <translation>批准人的密码错误。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>An administrator already exists: sign in, or ask him for an account.</source>
        <translation>已存在系统管理员：请登录，或向系统管理员申请账户。</translation>
    </message>
    <message>
        <source>{name} is the last administrator; make someone else administrator first.</source>
        <translation>{name} 是最后一名系统管理员；请先将其他人设为系统管理员。</translation>
    </message>
    <message>
        <source>unknown role &apos;{role}&apos;</source>
        <translation>未知角色“{role}”</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>already taken</source>
        <translation>已被占用</translation>
    </message>
    <message>
        <source>take units in at the counter</source>
        <extracomment>Every permission, and what it lets a user do.</extracomment>
        <translation>在柜台接收送修产品</translation>
    </message>
    <message>
        <source>hand units back</source>
        <translation>交付取件</translation>
    </message>
    <message>
        <source>record diagnosis, parts, labour; move a job through the workshop</source>
        <translation>记录检测、配件和工时，推进维修流程</translation>
    </message>
    <message>
        <source>cancel a job taken in by mistake</source>
        <translation>作废误录的维修单</translation>
    </message>
    <message>
        <source>change a job&apos;s service kind</source>
        <translation>更改维修单的服务类型</translation>
    </message>
    <message>
        <source>record that the customer was informed</source>
        <translation>记录已通知客户</translation>
    </message>
    <message>
        <source>read and print the in/out register</source>
        <translation>查阅并打印用户产品进出登记本</translation>
    </message>
    <message>
        <source>correct a row of the in/out register</source>
        <translation>更正进出登记行</translation>
    </message>
    <message>
        <source>approve a release without the pickup receipt</source>
        <translation>批准无收据取件</translation>
    </message>
    <message>
        <source>add a customer (at the counter or in the archive)</source>
        <translation>新增客户（柜台或档案）</translation>
    </message>
    <message>
        <source>see the overview table (用户情况一览表)</source>
        <translation>查看用户情况一览表</translation>
    </message>
    <message>
        <source>read every archive without an access request (keepers)</source>
        <translation>无需查阅申请即可查看所有档案（信息管理员）</translation>
    </message>
    <message>
        <source>edit archives</source>
        <translation>编辑档案</translation>
    </message>
    <message>
        <source>import customers from a file</source>
        <translation>从文件导入客户</translation>
    </message>
    <message>
        <source>export the overview table</source>
        <translation>导出用户情况一览表</translation>
    </message>
    <message>
        <source>grant or refuse access requests for any customer</source>
        <translation>批准或拒绝任何客户的档案查阅申请</translation>
    </message>
    <message>
        <source>read the access log</source>
        <translation>查看档案查阅记录</translation>
    </message>
    <message>
        <source>record investigations and assessments of prospects</source>
        <translation>记录潜在客户的调查与评估</translation>
    </message>
    <message>
        <source>approve or refuse a prospect</source>
        <translation>批准或拒绝潜在客户</translation>
    </message>
    <message>
        <source>record maintenance agreements</source>
        <translation>登记维修协议</translation>
    </message>
    <message>
        <source>plan, record and report one&apos;s own customer visits</source>
        <translation>计划、记录并汇报本人的客户走访</translation>
    </message>
    <message>
        <source>see and plan every staff member&apos;s visits</source>
        <translation>查看并安排所有业务人员的走访</translation>
    </message>
    <message>
        <source>approve visit plans</source>
        <translation>批准走访计划</translation>
    </message>
    <message>
        <source>record service activities</source>
        <translation>登记服务活动</translation>
    </message>
    <message>
        <source>request gifts and samples for customers, and record them as given</source>
        <translation>为客户申请礼品和样品，并登记发放</translation>
    </message>
    <message>
        <source>approve or refuse gift requests</source>
        <translation>批准或拒绝礼品申请</translation>
    </message>
    <message>
        <source>print satisfaction surveys and enter the answers</source>
        <translation>打印用户满意度调查表并录入调查结果</translation>
    </message>
    <message>
        <source>read the satisfaction survey results</source>
        <translation>查看满意度调查结果</translation>
    </message>
    <message>
        <source>read, search, export and print the contact register</source>
        <translation>查阅、检索、导出和打印客服登记本</translation>
    </message>
    <message>
        <source>record calls, letters and visits in the contact register</source>
        <translation>在客服登记本中登记来电、来函和来访</translation>
    </message>
    <message>
        <source>correct a line of the contact register</source>
        <translation>更正客服登记本中的记录</translation>
    </message>
    <message>
        <source>receive customers&apos; complaints</source>
        <translation>受理用户投诉</translation>
    </message>
    <message>
        <source>handle the complaints one is responsible for</source>
        <translation>处理本人负责的投诉</translation>
    </message>
    <message>
        <source>assign complaints, set their deadlines, close them and see every complaint</source>
        <translation>分派投诉、设定期限、结案并查看全部投诉</translation>
    </message>
    <message>
        <source>add users, set roles, reset passwords, unlock accounts</source>
        <translation>添加用户、设置角色、重置密码、解锁账户</translation>
    </message>
    <message>
        <source>change the company settings shared by every station</source>
        <translation>更改各工作站共用的公司设置</translation>
    </message>
    <message>
        <source>The account of {user} is disabled: it may do nothing more. Ask the administrator.</source>
        <translation>{user} 的账户已停用，不能再进行任何操作。请联系系统管理员。</translation>
    </message>
    <message>
        <source>{user} must replace the temporary password first (File › Change password…).</source>
        <translation>{user} 须先修改临时密码（文件 › 修改密码…）。</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {what}.</source>
        <translation>{user}（{role}）无权{what}。</translation>
    </message>
    <message>
        <source>waiting for a decision</source>
        <extracomment>The longest period a request may ask for (days). What the access log records: a view, print or export of an archive; an import; a read of its change history (&quot;history&quot;); the counter&apos;s units and jobs of the customer (&quot;page&quot;) and field service&apos;s visits, gifts and surveys (&quot;service&quot;); a refused attempt (&quot;denied&quot;, the detail says at what). A request&apos;s status as a message names it (&quot;This access request is already granted&quot;).</extracomment>
        <translation>待批</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Say why you need to consult this archive.</source>
        <translation>请说明查阅该档案的事由。</translation>
    </message>
    <message>
        <source>The period is 1 to {max} days.</source>
        <translation>期限为 1 至 {max} 天。</translation>
    </message>
    <message>
        <source>You can already read this archive.</source>
        <translation>您已可以查阅该档案。</translation>
    </message>
    <message>
        <source>Your request for this archive is waiting for a decision.</source>
        <translation>您对该档案的查阅申请正在待批。</translation>
    </message>
    <message>
        <source>No customer with id {id}.</source>
        <translation>不存在 ID 为 {id} 的客户。</translation>
    </message>
    <message>
        <source>No access request with id {id}.</source>
        <translation>不存在 ID 为 {id} 的查阅申请。</translation>
    </message>
    <message>
        <source>Nobody decides their own access request.</source>
        <translation>不能审批自己的查阅申请。</translation>
    </message>
    <message>
        <source>Only the customer&apos;s responsible staff member or a manager may decide access to this archive.</source>
        <translation>只有该客户的业务负责人或经理才能审批该档案的查阅申请。</translation>
    </message>
    <message>
        <source>This access request is already {status}.</source>
        <translation>该查阅申请的状态已是“{status}”。</translation>
    </message>
    <message>
        <source>The archive of {name} is open to its keeper, its responsible staff member and the manager. Ask for access (a reason and a period) to read it.</source>
        <translation>{name} 的档案仅供信息管理员、业务负责人和经理查阅。如需查阅，请提交查阅申请（写明事由和期限）。</translation>
    </message>
    <message>
        <source>You may not change {fields} of this archive.</source>
        <translation>您无权修改该档案的以下字段：{fields}。</translation>
    </message>
    <message>
        <source>You may not change this archive.</source>
        <translation>您无权修改该档案。</translation>
    </message>
    <message>
        <source>Only the manager&apos;s decision in New customer selection makes {name} a customer (§2.2).</source>
        <translation>只有经理在“新用户选择”中作出批准决定，{name} 才能成为正式客户（§2.2）。</translation>
    </message>
    <message>
        <source>The archive of {name} was changed at another station since you opened it. Your changes were not saved; reopen the archive and make them again.</source>
        <translation>您打开 {name} 的档案后，该档案已在其他工作站被修改。您的修改未保存，请重新打开档案后再修改一次。</translation>
    </message>
    <message>
        <source>Only one can be the primary one.</source>
        <translation>只能有一项设为主要。</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <extracomment>What a dump file starts with (gzip), and an SQLite file.</extracomment>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>Cannot read {file}: {detail}</source>
        <extracomment>Header words (lower case, no spaces or decorations) -&gt; archive field.</extracomment>
        <translation>无法读取 {file}：{detail}</translation>
    </message>
    <message>
        <source>{file} is not a csdesk backup (neither a csdesk dump nor an SQLite database).</source>
        <translation>{file} 不是 csdesk 备份（既不是 csdesk 备份文件，也不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>Cannot write {file}: {detail}</source>
        <translation>无法写入 {file}：{detail}</translation>
    </message>
    <message>
        <source>{file} is not a csdesk dump.</source>
        <translation>{file} 不是 csdesk 备份文件。</translation>
    </message>
    <message>
        <source>{file} is a csdesk dump of format {version}, which this csdesk cannot read. Update csdesk.</source>
        <translation>{file} 是格式版本 {version} 的 csdesk 备份文件，本机的 csdesk 无法读取。请更新 csdesk。</translation>
    </message>
    <message>
        <source>{file} is damaged or incomplete ({detail}, line {line}). Nothing was restored; use another backup.</source>
        <translation>{file} 已损坏或不完整（{detail}，第 {line} 行）。未恢复任何数据；请使用其他备份。</translation>
    </message>
    <message>
        <source>Import a .xlsx or .csv file (save an old .xls as .xlsx first).</source>
        <translation>请导入 .xlsx 或 .csv 文件（旧版 .xls 文件请先另存为 .xlsx）。</translation>
    </message>
    <message>
        <source>No column of customer names found (a header such as 名称, 客户名称 or name).</source>
        <translation>未找到客户名称列（列标题应为 名称、客户名称 或 name 等）。</translation>
    </message>
    <message>
        <source>The cell holds a formula ({formula}) and no value: copy the column and paste it as values.</source>
        <translation>该单元格是公式（{formula}），没有保存的数值：请复制该列，再“选择性粘贴—数值”。</translation>
    </message>
    <message>
        <source>The cell holds a formula ({formula}) and no value: left empty.</source>
        <translation>该单元格是公式（{formula}），没有保存的数值：此项留空导入。</translation>
    </message>
    <message>
        <source>Full-width characters or extra spaces were cleaned.</source>
        <translation>已清除全角字符或多余空格。</translation>
    </message>
    <message>
        <source>No category: taken as end user.</source>
        <translation>未填类别：按终端用户处理。</translation>
    </message>
    <message>
        <source>“{value}” is not a category: taken as end user.</source>
        <translation>“{value}”不是有效的客户类别：按终端用户导入。</translation>
    </message>
    <message>
        <source>“{value}” left empty: {reason}</source>
        <translation>“{value}”无法识别，此项留空导入：{reason}</translation>
    </message>
    <message>
        <source>No phone number.</source>
        <translation>未填电话。</translation>
    </message>
    <message>
        <source>No single member of staff called {name}: left empty.</source>
        <translation>无法确定名为 {name} 的员工：留空。</translation>
    </message>
    <message>
        <source>Same name as row {line}.</source>
        <translation>与第 {line} 行名称相同。</translation>
    </message>
    <message>
        <source>Same phone as row {line}.</source>
        <translation>与第 {line} 行电话相同。</translation>
    </message>
    <message>
        <source>Already in the archive as {code}.</source>
        <translation>档案中已有该客户（{code}）。</translation>
    </message>
    <message>
        <source>{customer} has this phone number too.</source>
        <translation>{customer} 也使用该电话号码。</translation>
    </message>
    <message>
        <source>Export to a .xlsx or .csv file.</source>
        <extracomment>The most rows one printout of the overview carries (about 120 A4 pages).</extracomment>
        <translation>请导出为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>Meanwhile {names} were added at another station. Nothing was imported; check the file again.</source>
        <translation>在此期间，其他工作站已添加了 {names}。未导入任何内容，请重新检查文件。</translation>
    </message>
    <message>
        <source>Choose a status.</source>
        <translation>请选择状态。</translation>
    </message>
    <message>
        <source>Unknown column.</source>
        <translation>未知的列。</translation>
    </message>
    <message>
        <source>A. Management level</source>
        <extracomment>The criteria of §2.2.2, in the order of the regulation: (code, group).</extracomment>
        <translation>A. 经营管理水平</translation>
    </message>
    <message>
        <source>A. Financial ability</source>
        <translation>A. 财务能力</translation>
    </message>
    <message>
        <source>A. Reputation</source>
        <translation>A. 信誉</translation>
    </message>
    <message>
        <source>A. Ability to perform contracts</source>
        <translation>A. 履约能力</translation>
    </message>
    <message>
        <source>B. Cooperative attitude</source>
        <translation>B. 合作态度</translation>
    </message>
    <message>
        <source>C. Keeps both sides&apos; trade and technical secrets</source>
        <translation>C. 保守双方商业和技术秘密</translation>
    </message>
    <message>
        <source>Choose general or on-site investigation.</source>
        <translation>请选择通常调查或实地调查。</translation>
    </message>
    <message>
        <source>The investigation date cannot be in the future.</source>
        <translation>调查日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Write down what the investigation found.</source>
        <translation>请填写调查结果。</translation>
    </message>
    <message>
        <source>Unknown criterion.</source>
        <translation>未知的标准。</translation>
    </message>
    <message>
        <source>Score 1 (poor) to 5 (excellent).</source>
        <translation>评分为 1（差）至 5（优秀）。</translation>
    </message>
    <message>
        <source>Approve or refuse.</source>
        <translation>请选择批准或拒绝。</translation>
    </message>
    <message>
        <source>Give the reason for refusing.</source>
        <translation>请填写拒绝的原因。</translation>
    </message>
    <message>
        <source>Record at least one investigation before deciding.</source>
        <translation>作出决定前，请至少登记一次调查。</translation>
    </message>
    <message>
        <source>Assess every criterion before deciding; missing: {missing}.</source>
        <translation>作出决定前，请对每项标准进行评估；尚缺：{missing}。</translation>
    </message>
    <message>
        <source>{name} has been decided already.</source>
        <translation>{name} 已作出决定。</translation>
    </message>
    <message>
        <source>{name} is not a prospect any more.</source>
        <translation>{name} 已不再是潜在客户。</translation>
    </message>
    <message>
        <source>No spaces in a user name.</source>
        <translation>用户名中不能有空格。</translation>
    </message>
    <message>
        <source>Application handling</source>
        <extracomment>§3.3.3 A-G, in the order of the regulation.</extracomment>
        <translation>受理申请</translation>
    </message>
    <message>
        <source>Technical training</source>
        <translation>技术培训</translation>
    </message>
    <message>
        <source>Technical service</source>
        <translation>技术服务</translation>
    </message>
    <message>
        <source>Production, management and usage help</source>
        <translation>生产管理使用协助</translation>
    </message>
    <message>
        <source>New-product information sent</source>
        <translation>新产品信息</translation>
    </message>
    <message>
        <source>Seminar / training class</source>
        <translation>座谈会/培训班</translation>
    </message>
    <message>
        <source>Samples and trial items</source>
        <translation>样品试用</translation>
    </message>
    <message>
        <source>Relationship activity</source>
        <translation>联谊活动</translation>
    </message>
    <message>
        <source>Choose the kind of activity.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>Give the activity a title.</source>
        <translation>请填写活动主题。</translation>
    </message>
    <message>
        <source>Give the date of the activity.</source>
        <translation>请填写活动日期。</translation>
    </message>
    <message>
        <source>No such staff member.</source>
        <translation>该员工不存在。</translation>
    </message>
    <message>
        <source>No such visit.</source>
        <translation>该走访不存在。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>This customer is listed twice.</source>
        <translation>该客户重复列出。</translation>
    </message>
    <message>
        <source>The headcount is a whole number, 0 or more.</source>
        <translation>人数应为 0 或以上的整数。</translation>
    </message>
    <message>
        <source>The activity {number} was changed at another station since you opened it. Your changes were not saved; reopen it and make them again.</source>
        <translation>您打开活动 {number} 后，该活动已在其他工作站被修改。您的修改未保存，请重新打开后再修改一次。</translation>
    </message>
    <message>
        <source>The activity {number} has gift requests and cannot be deleted.</source>
        <translation>活动 {number} 已有礼品申请，不能删除。</translation>
    </message>
    <message>
        <source>No service activity with id {id}.</source>
        <translation>不存在 ID 为 {id} 的服务活动。</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Trial item</source>
        <translation>试用品</translation>
    </message>
    <message>
        <source>Promotional material</source>
        <translation>宣传品</translation>
    </message>
    <message>
        <source>List at least one item.</source>
        <translation>请至少填写一项物品。</translation>
    </message>
    <message>
        <source>At most {n} items in one request.</source>
        <translation>一次申请最多 {n} 项物品。</translation>
    </message>
    <message>
        <source>Describe the item.</source>
        <translation>请填写品名或说明。</translation>
    </message>
    <message>
        <source>Choose gift, sample, trial item or promotional material.</source>
        <translation>请选择礼品、样品、试用品或宣传品。</translation>
    </message>
    <message>
        <source>The quantity is a number greater than 0.</source>
        <translation>数量应为大于 0 的数字。</translation>
    </message>
    <message>
        <source>The unit value is an amount, 0 or more.</source>
        <translation>单价应为 0 或以上的金额。</translation>
    </message>
    <message>
        <source>The total value ¥{total} is more than one request can hold.</source>
        <translation>总价值 ¥{total} 超出单张申请可记录的金额。</translation>
    </message>
    <message>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>No such service activity.</source>
        <translation>该服务活动不存在。</translation>
    </message>
    <message>
        <source>Give the reason for the gift.</source>
        <translation>请填写赠送礼品的事由。</translation>
    </message>
    <message>
        <source>A gift request needs a requester.</source>
        <translation>礼品申请须有申请人。</translation>
    </message>
    <message>
        <source>You requested {number} yourself; another approver decides it.</source>
        <translation>{number} 是您本人提出的申请，须由其他审批人决定。</translation>
    </message>
    <message>
        <source>Say why the request is refused.</source>
        <translation>请说明拒绝该申请的原因。</translation>
    </message>
    <message>
        <source>{number} is not approved: only approved gifts can be given.</source>
        <translation>{number} 未获批准：只有已批准的礼品才能发放。</translation>
    </message>
    <message>
        <source>Who received it?</source>
        <translation>请填写领取人。</translation>
    </message>
    <message>
        <source>The date given cannot be in the future.</source>
        <translation>发放日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The date given is before the approval.</source>
        <translation>发放日期早于批准日期。</translation>
    </message>
    <message>
        <source>Only {name}, who made the request, may change or withdraw it.</source>
        <translation>只有申请人 {name} 才能修改或撤回该申请。</translation>
    </message>
    <message>
        <source>{number} has been decided already; make a new request instead.</source>
        <translation>{number} 已审批；请另行提交新申请。</translation>
    </message>
    <message>
        <source>The gift request {number} was changed at another station since you opened it. Nothing was saved; reopen it and look again.</source>
        <translation>您打开礼品申请 {number} 后，该申请已在其他工作站被修改。未保存任何内容，请重新打开后再查看。</translation>
    </message>
    <message>
        <source>No gift request with id {id}.</source>
        <translation>不存在 ID 为 {id} 的礼品申请。</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>很不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>很满意</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>After-sales service</source>
        <translation>售后服务</translation>
    </message>
    <message>
        <source>Staff and communication</source>
        <translation>人员与沟通</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体评价</translation>
    </message>
    <message>
        <source>Quality and reliability of our products</source>
        <translation>产品质量与可靠性</translation>
    </message>
    <message>
        <source>Delivery: on time, correct and complete</source>
        <translation>交货及时、准确、完整</translation>
    </message>
    <message>
        <source>Price for the value received</source>
        <translation>产品价格与性价比</translation>
    </message>
    <message>
        <source>Response speed to repair requests</source>
        <translation>报修后的响应速度</translation>
    </message>
    <message>
        <source>Repair quality (fixed the first time)</source>
        <translation>维修质量（一次修好）</translation>
    </message>
    <message>
        <source>Repair turnaround time</source>
        <translation>维修周期（送修到取回）</translation>
    </message>
    <message>
        <source>Attitude and courtesy of our service staff</source>
        <translation>服务人员的态度与礼貌</translation>
    </message>
    <message>
        <source>Technical training and support</source>
        <translation>技术培训与技术支持</translation>
    </message>
    <message>
        <source>Visits by our staff (frequency and usefulness)</source>
        <translation>业务人员走访（频次与实效）</translation>
    </message>
    <message>
        <source>Handling of complaints</source>
        <translation>投诉处理的及时性与结果</translation>
    </message>
    <message>
        <source>Information about new products</source>
        <translation>新产品信息的提供</translation>
    </message>
    <message>
        <source>Overall satisfaction with our company</source>
        <translation>对本公司的总体满意程度</translation>
    </message>
    <message>
        <source>What are you dissatisfied with? Other comments</source>
        <extracomment>The open questions: (field of SurveyResponse, tx() text, printed wording).</extracomment>
        <translation>您对我们的产品和服务有哪些不满意之处或其他意见？</translation>
    </message>
    <message>
        <source>Your suggestions and expectations</source>
        <translation>您对我们有哪些建议和期望？</translation>
    </message>
    <message>
        <source>No questionnaire edition {edition}.</source>
        <translation>不存在 {edition} 版问卷。</translation>
    </message>
    <message>
        <source>Choose the customer who returned the survey.</source>
        <translation>请选择交回调查表的客户。</translation>
    </message>
    <message>
        <source>Enter the date the survey came back.</source>
        <translation>请填写调查表的收回日期。</translation>
    </message>
    <message>
        <source>The returned date cannot be in the future.</source>
        <translation>收回日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The sent date cannot be in the future.</source>
        <translation>发放日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The survey cannot have been sent after it came back.</source>
        <translation>发放日期不能晚于收回日期。</translation>
    </message>
    <message>
        <source>Unknown staff member.</source>
        <translation>未知的员工。</translation>
    </message>
    <message>
        <source>Unknown visit.</source>
        <translation>未知的走访。</translation>
    </message>
    <message>
        <source>Visit {number} was to another customer.</source>
        <translation>走访 {number} 的对象是其他客户。</translation>
    </message>
    <message>
        <source>Question {code} is not in this questionnaire.</source>
        <translation>调查项目 {code} 不在本问卷中。</translation>
    </message>
    <message>
        <source>Score 1 (very dissatisfied) to 5 (very satisfied), or leave it not applicable.</source>
        <translation>评分为 1（很不满意）至 5（很满意），或选“不适用”。</translation>
    </message>
    <message>
        <source>Enter at least one scored answer.</source>
        <translation>请至少录入一项评分。</translation>
    </message>
    <message>
        <source>No survey response with id {id}.</source>
        <translation>不存在 ID 为 {id} 的调查表。</translation>
    </message>
    <message>
        <source>Survey {number} was changed at another station since you opened it. Your change was not saved; open it again.</source>
        <translation>您打开调查表 {number} 后，该调查表已在其他工作站被修改。您的修改未保存，请重新打开。</translation>
    </message>
    <message>
        <source>Survey {number} was entered on {date}; only a manager may delete it now.</source>
        <translation>调查表 {number} 已于 {date} 录入；现在只有经理才能删除。</translation>
    </message>
    <message>
        <source>Survey {number} was changed at another station since you opened it. Nothing was deleted.</source>
        <translation>您打开调查表 {number} 后，该调查表已在其他工作站被修改。未删除任何内容。</translation>
    </message>
    <message>
        <source>Group by month or by quarter.</source>
        <translation>请按月或按季度分组。</translation>
    </message>
    <message>
        <source>Annual plan</source>
        <translation>年度计划</translation>
    </message>
    <message>
        <source>Monthly plan</source>
        <translation>月度计划</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>No visit plan with id {id}.</source>
        <translation>不存在 ID 为 {id} 的走访计划。</translation>
    </message>
    <message>
        <source>You may see and plan only your own visits.</source>
        <translation>您只能查看和安排本人的走访。</translation>
    </message>
    <message>
        <source>Choose a staff member who makes visits.</source>
        <translation>请选择一名负责走访的业务人员。</translation>
    </message>
    <message>
        <source>Choose an annual or a monthly plan.</source>
        <translation>请选择年度计划或月度计划。</translation>
    </message>
    <message>
        <source>Enter a year between 2000 and 2100.</source>
        <translation>请输入 2000 至 2100 之间的年份。</translation>
    </message>
    <message>
        <source>Choose the month of the plan.</source>
        <translation>请选择计划月份。</translation>
    </message>
    <message>
        <source>{name} already has this plan.</source>
        <translation>{name} 已有该计划。</translation>
    </message>
    <message>
        <source>Only a draft plan can be submitted; this one is {status}.</source>
        <translation>只有草稿状态的计划才能提交；该计划当前为“{status}”。</translation>
    </message>
    <message>
        <source>Add the planned visits before submitting the plan.</source>
        <translation>提交计划前，请先添加计划走访。</translation>
    </message>
    <message>
        <source>Say what to change in the plan.</source>
        <translation>请说明计划需要修改的内容。</translation>
    </message>
    <message>
        <source>Nobody approves their own plan.</source>
        <translation>不能审批自己的计划。</translation>
    </message>
    <message>
        <source>Only a submitted plan is approved or returned; this one is {status}.</source>
        <translation>只有已提交的计划才能批准或退回；该计划当前为“{status}”。</translation>
    </message>
    <message>
        <source>The plan was changed at another station since you opened it. Nothing was saved; open it again.</source>
        <translation>您打开该计划后，计划已在其他工作站被修改。未保存任何内容，请重新打开。</translation>
    </message>
    <message>
        <source>Patrol service</source>
        <translation>巡回服务</translation>
    </message>
    <message>
        <source>Market development</source>
        <translation>市场开拓</translation>
    </message>
    <message>
        <source>Service activity</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Carried forward</source>
        <translation>已顺延</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>逾期完成</translation>
    </message>
    <message>
        <source>Study the customer&apos;s business lines</source>
        <extracomment>§3.3 and §3.4: every purpose a visit may have, in the regulation&apos;s order.</extracomment>
        <translation>调查研究用户的经营项目</translation>
    </message>
    <message>
        <source>Study the customer&apos;s stock, purchases and sales</source>
        <translation>调查研究用户的商品库存、进货、销售情况</translation>
    </message>
    <message>
        <source>Criticism, suggestions, expectations and complaints about our products and service</source>
        <translation>调查分析用户对本企业产品及服务的批评、建议、期望和投诉</translation>
    </message>
    <message>
        <source>Market intelligence: prices, competitors, marketing policy</source>
        <translation>搜集市场行情、竞争对手动向、营销政策等信息</translation>
    </message>
    <message>
        <source>Introduce our products&apos; performance, features and cautions; technical guidance</source>
        <translation>介绍本企业产品性能、特点和注意事项，对用户进行技术指导</translation>
    </message>
    <message>
        <source>Ask new customers&apos; opinions; hand out the satisfaction survey (form 3)</source>
        <translation>咨询新用户使用意见，发放《用户满意度调查表》（附表3）</translation>
    </message>
    <message>
        <source>Handle and guide the customer&apos;s applications</source>
        <translation>处理和指导用户的申请事项</translation>
    </message>
    <message>
        <source>Technical training and technical service</source>
        <translation>对用户进行技术培训和技术服务</translation>
    </message>
    <message>
        <source>Help with production, management and usage problems</source>
        <translation>帮助用户解决生产技术、经营管理、使用消费等方面的难题</translation>
    </message>
    <message>
        <source>New-product information</source>
        <translation>向用户提供本企业新产品信息</translation>
    </message>
    <message>
        <source>Technical seminars or training classes</source>
        <translation>举行技术讲座或培训学习班</translation>
    </message>
    <message>
        <source>Samples, trial items, promotional material and gifts</source>
        <translation>向用户赠予样品、试用品、宣传品和礼品</translation>
    </message>
    <message>
        <source>Relationship activities</source>
        <translation>开展加强与用户联络的公关活动</translation>
    </message>
    <message>
        <source>Demonstrate selling technique</source>
        <translation>示范推销技术</translation>
    </message>
    <message>
        <source>Collect overdue receivables</source>
        <translation>催收逾期应收账款</translation>
    </message>
    <message>
        <source>Close a deal the staff member prepared</source>
        <translation>员工已做好铺垫，经理前往促成交易</translation>
    </message>
    <message>
        <source>Help the staff member with difficulties</source>
        <translation>帮助员工解决业务上的困难</translation>
    </message>
    <message>
        <source>Handle customer grievances</source>
        <translation>处理用户抱怨</translation>
    </message>
    <message>
        <source>Build the relationship with the customer</source>
        <translation>与用户培养感情</translation>
    </message>
    <message>
        <source>Learn the customer&apos;s view of the company</source>
        <translation>探询用户对本企业的印象</translation>
    </message>
    <message>
        <source>Learn the customer&apos;s view of our staff</source>
        <translation>探询用户对本企业员工的印象</translation>
    </message>
    <message>
        <source>Help the staff member sell new products</source>
        <translation>帮助员工销售新产品</translation>
    </message>
    <message>
        <source>Business lines</source>
        <extracomment>The purposes in a word or two, for lists (&quot;A Business lines; M5 Grievances&quot;).</extracomment>
        <translation>经营项目</translation>
    </message>
    <message>
        <source>Stock and sales</source>
        <translation>库存进销</translation>
    </message>
    <message>
        <source>Opinions, complaints</source>
        <translation>意见投诉</translation>
    </message>
    <message>
        <source>Market news</source>
        <translation>市场信息</translation>
    </message>
    <message>
        <source>Product introduction</source>
        <translation>产品介绍</translation>
    </message>
    <message>
        <source>Opinions, survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <source>Problem solving</source>
        <translation>解决难题</translation>
    </message>
    <message>
        <source>New products</source>
        <translation>新品信息</translation>
    </message>
    <message>
        <source>Seminars</source>
        <translation>讲座培训</translation>
    </message>
    <message>
        <source>Samples and gifts</source>
        <translation>样品礼品</translation>
    </message>
    <message>
        <source>Public relations</source>
        <translation>公关活动</translation>
    </message>
    <message>
        <source>Selling demonstration</source>
        <translation>示范推销</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>催收账款</translation>
    </message>
    <message>
        <source>Closing a deal</source>
        <translation>促成交易</translation>
    </message>
    <message>
        <source>Staff difficulties</source>
        <translation>协助解难</translation>
    </message>
    <message>
        <source>Grievances</source>
        <translation>处理抱怨</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>培养感情</translation>
    </message>
    <message>
        <source>View of the company</source>
        <translation>企业印象</translation>
    </message>
    <message>
        <source>View of our staff</source>
        <translation>员工印象</translation>
    </message>
    <message>
        <source>New-product sales</source>
        <translation>新品销售</translation>
    </message>
    <message>
        <source>No visit with id {id}.</source>
        <translation>不存在 ID 为 {id} 的走访。</translation>
    </message>
    <message>
        <source>Not a date (yyyy-mm-dd).</source>
        <translation>日期格式不正确（yyyy-mm-dd）。</translation>
    </message>
    <message>
        <source>Choose the customer to visit.</source>
        <translation>请选择走访的客户。</translation>
    </message>
    <message>
        <source>Choose the kind of visit.</source>
        <translation>请选择走访类别。</translation>
    </message>
    <message>
        <source>Choose the month of the visit.</source>
        <translation>请选择走访月份。</translation>
    </message>
    <message>
        <source>The day must be in the month of the visit.</source>
        <translation>日期必须在走访所在月份内。</translation>
    </message>
    <message>
        <source>The accompanying manager must be an active manager.</source>
        <translation>陪同经理必须是在职经理。</translation>
    </message>
    <message>
        <source>A manager accompanies another staff member.</source>
        <translation>经理只能陪同其他员工走访。</translation>
    </message>
    <message>
        <source>Tick at least one purpose of the visit.</source>
        <translation>请至少勾选一项走访目的。</translation>
    </message>
    <message>
        <source>Manager purposes need an accompanying manager.</source>
        <translation>选择经理陪同目的时须指定陪同经理。</translation>
    </message>
    <message>
        <source>These purposes do not belong to this kind of visit: {codes}</source>
        <translation>以下走访目的不属于该走访类别：{codes}</translation>
    </message>
    <message>
        <source>That plan no longer exists.</source>
        <translation>该计划已不存在。</translation>
    </message>
    <message>
        <source>The plan belongs to another staff member.</source>
        <translation>该计划属于其他业务人员。</translation>
    </message>
    <message>
        <source>The month must lie within the plan&apos;s period.</source>
        <translation>月份必须在计划期间内。</translation>
    </message>
    <message>
        <source>Visits are added to a plan while it is a draft; this plan is {status}.</source>
        <translation>只能在计划为草稿时添加走访；该计划当前为“{status}”。</translation>
    </message>
    <message>
        <source>Only a planned visit can be changed; this one is {status}.</source>
        <translation>只有计划中的走访才能修改；该走访当前为“{status}”。</translation>
    </message>
    <message>
        <source>Visit {number} was changed at another station since you opened it. Nothing was saved; open it again.</source>
        <translation>您打开走访 {number} 后，该走访已在其他工作站被修改。未保存任何内容，请重新打开。</translation>
    </message>
    <message>
        <source>Enter the day of the visit.</source>
        <translation>请填写走访日期。</translation>
    </message>
    <message>
        <source>The visit cannot be in the future.</source>
        <translation>走访日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Write the main gains of the visit.</source>
        <translation>请填写本次走访的主要收获。</translation>
    </message>
    <message>
        <source>Only a planned visit can be reported as made; this one is {status}.</source>
        <translation>只有计划中的走访才能登记为已完成；该走访当前为“{status}”。</translation>
    </message>
    <message>
        <source>Only the staff member who made the visit or a manager corrects its report.</source>
        <translation>只有走访人员本人或经理才能更正走访汇报。</translation>
    </message>
    <message>
        <source>Only the report of a done visit can be corrected; this one is {status}.</source>
        <translation>只有已完成走访的汇报才能更正；该走访当前为“{status}”。</translation>
    </message>
    <message>
        <source>Only a planned visit can be cancelled; this one is {status}.</source>
        <translation>只有计划中的走访才能取消；该走访当前为“{status}”。</translation>
    </message>
    <message>
        <source>Say why the visit is cancelled.</source>
        <translation>请说明取消走访的原因。</translation>
    </message>
    <message>
        <source>Only a planned visit can be carried forward; this one is {status}.</source>
        <translation>只有计划中的走访才能顺延；该走访当前为“{status}”。</translation>
    </message>
    <message>
        <source>Choose the month to carry the visit to.</source>
        <translation>请选择顺延到的月份。</translation>
    </message>
    <message>
        <source>Carry the visit to a month after {month}.</source>
        <translation>请顺延到 {month} 之后的月份。</translation>
    </message>
    <message>
        <source>Carry the visit to this month or a later one.</source>
        <translation>请顺延到本月或以后的月份。</translation>
    </message>
    <message>
        <source>The connection to the database broke while the change was being saved; csdesk is checking whether it was saved.</source>
        <extracomment>PostgreSQL SQLSTATE classes and codes. MariaDB / MySQL error numbers. Driver messages that mean the connection is gone (psycopg2 often has no SQLSTATE then).</extracomment>
        <translation>保存时与数据库的连接中断，csdesk 正在确认是否已保存。</translation>
    </message>
    <message>
        <source>The connection to the database was lost; nothing was saved. csdesk reconnects by itself: try again in a moment.</source>
        <extracomment>How often a deadlocked action runs before the clerk is told. How long csdesk keeps trying to reach the server to learn a lost COMMIT&apos;s outcome (s). Operation keys older than this are pruned (bootstrap).</extracomment>
        <translation>与数据库的连接已断开，未保存任何内容。csdesk 会自动重新连接，请稍后再试。</translation>
    </message>
    <message>
        <source>The database was busy with another station&apos;s change; nothing was saved. Try again.</source>
        <translation>数据库正在处理其他工作站的修改，未保存任何内容。请再试一次。</translation>
    </message>
    <message>
        <source>The database stayed locked by another station or program too long; nothing was saved. Try again when it is free.</source>
        <translation>数据库被其他工作站或程序锁定过久，未保存任何内容。请在其释放后再试。</translation>
    </message>
    <message>
        <source>The database&apos;s disk is full; nothing was saved. Free some space (or ask the administrator) and try again.</source>
        <translation>数据库所在磁盘已满，未保存任何内容。请释放空间（或联系管理员）后再试。</translation>
    </message>
    <message>
        <source>The database can only be read here (a read-only file or server); nothing was saved.</source>
        <translation>此处数据库为只读（只读文件或服务器），未保存任何内容。</translation>
    </message>
    <message>
        <source>The connection to the database broke while the change was being saved, and csdesk cannot tell whether it was saved. Look it up before saving it again.</source>
        <translation>保存时与数据库的连接中断，csdesk 无法确认是否已保存。再次保存前请先查一下。</translation>
    </message>
    <message>
        <source>The connection to the database broke while the change was being saved, and the server cannot be reached to tell whether it was saved. Look it up before saving it again.</source>
        <translation>保存时与数据库的连接中断，且暂时连不上服务器，无法确认是否已保存。再次保存前请先查一下。</translation>
    </message>
    <message>
        <source>The disk is full: csdesk could not copy the database aside before updating it. Nothing was changed. Free some space and start again.</source>
        <extracomment>The csdesk_meta key that marks a database filled with demo data (app.demo): only there may ``csdesk --demo`` sign in without asking.</extracomment>
        <translation>磁盘已满：csdesk 在升级数据库前无法备份该文件。未做任何更改。请释放空间后重新启动。</translation>
    </message>
    <message>
        <source>csdesk may not write beside the database file ({detail}). Nothing was changed.</source>
        <translation>csdesk 无权在数据库文件旁写入（{detail}）。未做任何更改。</translation>
    </message>
    <message>
        <source>The daily backup failed: {detail}</source>
        <extracomment>How often an open window looks whether today&apos;s copy exists. The first look, after the window has shown (start-up is not slowed).</extracomment>
        <translation>每日备份失败：{detail}</translation>
    </message>
    <message>
        <source>Keep the daily backups for 0 to {most} days.</source>
        <translation>每日备份的保留天数应为 0 到 {most} 天。</translation>
    </message>
    <message>
        <source>The daily backup could not be written to {file}: {detail}. csdesk works on; free some disk space or check the folder, or back up by hand (csdesk db backup).</source>
        <extracomment>The shared setting: days of daily copies kept (0 = no daily copy).</extracomment>
        <translation>无法将每日备份写入 {file}：{detail}。csdesk 照常运行；请释放磁盘空间或检查该文件夹，或手动备份（csdesk db backup）。</translation>
    </message>
    <message>
        <source>Cannot write the backup {file}: {detail}</source>
        <extracomment>File names that mean &quot;an SQLite database file&quot;.</extracomment>
        <translation>无法写入备份文件 {file}：{detail}</translation>
    </message>
    <message>
        <source>{file} is a folder; name the backup file.</source>
        <translation>{file} 是一个文件夹；请指定备份文件名。</translation>
    </message>
    <message>
        <source>{file} exists already. Choose another name, or add --force to replace it.</source>
        <translation>{file} 已存在。请换一个文件名，或加上 --force 覆盖它。</translation>
    </message>
    <message>
        <source>The database has schema version {version}; open it with this csdesk first (csdesk migrate), then back it up.</source>
        <translation>该数据库的架构版本为 {version}；请先用本机的 csdesk 打开它（csdesk migrate），再进行备份。</translation>
    </message>
    <message>
        <source>{file} was made by an older csdesk (schema version {version}; this csdesk has {current}). Restore it with the csdesk that made it, open that database once with this csdesk (it is brought up to date), then back it up again.</source>
        <translation>{file} 由较旧版本的 csdesk 生成（架构版本 {version}；本机的 csdesk 为 {current}）。请用生成它的 csdesk 恢复，再用本机的 csdesk 打开一次该数据库（会自动升级），然后重新备份。</translation>
    </message>
    <message>
        <source>{file} was made by a newer csdesk (schema version {version}; this csdesk understands {current}). Update csdesk on this computer.</source>
        <translation>{file} 由较新版本的 csdesk 生成（架构版本 {version}；本机的 csdesk 支持 {current}）。请更新本机的 csdesk。</translation>
    </message>
    <message>
        <source>The database {database} holds data already ({tables}). A restore replaces all of it: add --force to restore anyway (what it holds is backed up first).</source>
        <translation>数据库 {database} 中已有数据（{tables}）。恢复将替换其中的全部数据：如仍要恢复，请加上 --force（会先备份现有数据）。</translation>
    </message>
    <message>
        <source>{file} is damaged: {detail}. Nothing was restored; use another backup.</source>
        <translation>{file} 已损坏：{detail}。未恢复任何数据；请使用其他备份。</translation>
    </message>
    <message>
        <source>{file} is an SQLite database but not a csdesk backup.</source>
        <translation>{file} 是 SQLite 数据库，但不是 csdesk 备份。</translation>
    </message>
    <message>
        <source>Cannot back up {database} before replacing it ({detail}); nothing was restored.</source>
        <translation>无法在替换前备份 {database}（{detail}）；未恢复任何数据。</translation>
    </message>
    <message>
        <source>Cannot write the database {database}: {detail}. Nothing was restored.</source>
        <translation>无法写入数据库 {database}：{detail}。未恢复任何数据。</translation>
    </message>
    <message>
        <source>The database refused a row of the table {table}: {detail}. Nothing was restored.</source>
        <translation>数据库拒绝了数据表 {table} 中的一行：{detail}。未恢复任何数据。</translation>
    </message>
    <message>
        <source>Table {table}, row {id}: the column {column} holds {value}, which is not a {kind}. Correct it in the database, then back it up again.</source>
        <extracomment>peewee&apos;s column types and the kinds a backup writes them as.</extracomment>
        <translation>数据表 {table} 第 {id} 行：列 {column} 的值为 {value}，不是 {kind} 类型。请先在数据库中更正，然后重新备份。</translation>
    </message>
    <message>
        <source>{user} may not read the complaint statistics.</source>
        <translation>{user} 无权查看投诉统计。</translation>
    </message>
    <message>
        <source>Give the first day of the range.</source>
        <extracomment>Rows read per query. A range holding more rows than this is refused: print it a month at a time (a month of a busy shop is ~9 000 rows, ~440 pages, 3–5 s: tools/benchmark_register_book.py).</extracomment>
        <translation>请填写起始日期。</translation>
    </message>
    <message>
        <source>Give the last day of the range.</source>
        <translation>请填写截止日期。</translation>
    </message>
    <message>
        <source>The range ends ({end}) before it starts ({start}).</source>
        <translation>截止日期（{end}）早于起始日期（{start}）。</translation>
    </message>
    <message>
        <source>The register has no rows from {start} to {end}.</source>
        <translation>{start} 至 {end} 期间登记本中没有记录。</translation>
    </message>
    <message>
        <source>More than {limit} rows from {start} to {end}: print the book a month at a time.</source>
        <translation>{start} 至 {end} 期间的记录超过 {limit} 行：请按月分次打印。</translation>
    </message>
    <message>
        <source>{document} cannot be laid out on the paper: on page {page} a part is taller than a page and cannot be divided. Shorten the longest text and print again.</source>
        <translation>“{document}”无法排版：第 {page} 页上有一部分比整页还高，无法分页。请缩短最长的文字后重新打印。</translation>
    </message>
    <message>
        <source>This is not a phone number: use digits, e.g. {example}.</source>
        <translation>这不是电话号码：请填写数字，例如 {example}。</translation>
    </message>
    <message>
        <source>An international number has 7 to 15 digits after the +.</source>
        <translation>国际号码在“+”之后应有 7 至 15 位数字。</translation>
    </message>
    <message>
        <source>Too few digits for a phone number ({n}); e.g. {example}.</source>
        <translation>电话号码位数太少（{n} 位），例如 {example}。</translation>
    </message>
    <message>
        <source>A mobile number has no extension.</source>
        <translation>手机号码没有分机号。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits, e.g. 13800138000 (this one has {n}).</source>
        <translation>手机号码为 11 位，例如 13800138000（此号码为 {n} 位）。</translation>
    </message>
    <message>
        <source>Too many digits for a phone number; write an extension as 转8001.</source>
        <translation>电话号码位数太多；分机号请写成“转8001”。</translation>
    </message>
    <message>
        <source>Too many digits for a local number: a landline starts with its area code, e.g. 010-62551234.</source>
        <translation>本地号码位数太多：固定电话请以区号开头，例如 010-62551234。</translation>
    </message>
    <message>
        <source>Too few digits for a landline: the area code and 7 or 8 digits, e.g. 010-62551234.</source>
        <translation>固定电话位数太少：应为区号加 7 或 8 位号码，例如 010-62551234。</translation>
    </message>
    <message>
        <source>Too many digits for a landline: {area} and 7 or 8 digits, an extension after 转.</source>
        <translation>固定电话位数太多：应为区号 {area} 加 7 或 8 位号码，分机号写在“转”之后。</translation>
    </message>
    <message>
        <source>Choose the printer: {0}</source>
        <translation>选择打印机：{0}</translation>
    </message>
    <message>
        <source>Which printer prints the {0} at this computer? csdesk remembers it and prints there directly from now on; you can change it in Settings.</source>
        <translation>本机用哪台打印机打印{0}？选定后将记住，以后直接在该打印机打印；可在“设置”中更改。</translation>
    </message>
    <message>
        <source>The printer chosen before, {0}, is not installed any more.</source>
        <translation>之前选定的打印机 {0} 已不在本机。</translation>
    </message>
    <message>
        <source> (system default)</source>
        <translation>（系统默认）</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Preview instead</source>
        <translation>改为预览</translation>
    </message>
    <message>
        <source>The company name is printed on every document.</source>
        <translation>公司名称会打印在每份单据上，不能为空。</translation>
    </message>
    <message>
        <source>Between {low} and {high}.</source>
        <extracomment>severity -&gt; (hours to the first contact, working days to a reply, working days to the close)</extracomment>
        <translation>须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>Complaint {number} was changed at another station since you opened it. Nothing was saved; open it again.</source>
        <translation>投诉 {number} 在您打开后已被其他工作站修改，本次未保存；请重新打开。</translation>
    </message>
    <message>
        <source>More than {limit} lines from {start} to {end}: print the book a month at a time.</source>
        <extracomment>A range holding more lines than this is refused: print it a month at a time (a busy desk writes ~40 lines a day, ~1 000 a month: ~60 pages, about 4 s).</extracomment>
        <translation>{start} 至 {end} 的登记超过 {limit} 条：请按月分次打印。</translation>
    </message>
    <message>
        <source>The contact register has no lines from {start} to {end}.</source>
        <translation>客服登记本在 {start} 至 {end} 期间没有登记。</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>来电/来函</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>去电/回复</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Technical guidance</source>
        <translation>技术指导</translation>
    </message>
    <message>
        <source>Repair request</source>
        <translation>报修</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Choose incoming or outgoing.</source>
        <translation>请选择来电（来函）或去电（回复）。</translation>
    </message>
    <message>
        <source>Choose how the customer got in touch.</source>
        <translation>请选择联系方式。</translation>
    </message>
    <message>
        <source>Choose what the contact is about.</source>
        <translation>请选择登记类别。</translation>
    </message>
    <message>
        <source>Say what the customer wanted.</source>
        <translation>请填写用户反映的事项。</translation>
    </message>
    <message>
        <source>The customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Name the customer, or at least the caller&apos;s number or name.</source>
        <translation>请选择客户，或至少填写来电号码或来电人姓名。</translation>
    </message>
    <message>
        <source>Say who follows it up.</source>
        <translation>请指定跟进人。</translation>
    </message>
    <message>
        <source>Say by when.</source>
        <translation>请填写跟进期限。</translation>
    </message>
    <message>
        <source>The day has passed already.</source>
        <translation>该日期已过。</translation>
    </message>
    <message>
        <source>Line {number} asks for no follow-up.</source>
        <translation>登记 {number} 无需跟进。</translation>
    </message>
    <message>
        <source>Say what was wrong with the line.</source>
        <translation>请说明该条登记错在哪里。</translation>
    </message>
    <message>
        <source>A voiding line cannot itself be corrected.</source>
        <translation>作废记录本身不能再更正。</translation>
    </message>
    <message>
        <source>Line {number} was corrected already by line {by}; correct that line instead.</source>
        <translation>登记 {number} 已由 {by} 更正，请更正 {by}。</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>查阅记录</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>This customer only</source>
        <translation>仅限该客户</translation>
    </message>
    <message>
        <source>Customer code or name</source>
        <translation>客户编号或名称</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>AccessRequestsDialog</name>
    <message>
        <source>Access requests</source>
        <translation>查阅申请</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Note to the requester (required to refuse)</source>
        <translation>给申请人的备注（拒绝时必填）</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>批准(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>待批</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>Why the access ends early (optional)</source>
        <translation>提前结束查阅的原因（选填）</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>撤销(&amp;V)</translation>
    </message>
    <message>
        <source>Granted, in force</source>
        <translation>已批准（有效期内）</translation>
    </message>
    <message>
        <source>To decide (%1)</source>
        <translation>待批 (%1)</translation>
    </message>
    <message>
        <source>Say why the request is refused</source>
        <translation>请说明拒绝该申请的原因</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Number, title, place or customer</source>
        <translation>编号、主题、地点或客户</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>&amp;New activity…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Gift request…</source>
        <translation>礼品申请(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Print list</source>
        <translation>打印一览表(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies)</source>
        <translation>
            <numerusform>%n 项活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) taking part</source>
        <translation>
            <numerusform>%n 家客户参加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete %1 (%2) and its participants?</source>
        <translation>确定删除 %1（%2）及其参加人员？</translation>
    </message>
    <message>
        <source>Service activities</source>
        <translation>服务活动</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New service activity</source>
        <translation>新建服务活动</translation>
    </message>
    <message>
        <source>Service activity</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <source>same day</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成效</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>People who came</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加客户</translation>
    </message>
    <message>
        <source>Add a customer: name, phone, code or pinyin initials</source>
        <translation>添加客户：名称、电话、编号或拼音首字母</translation>
    </message>
    <message>
        <source>Add &amp;many…</source>
        <translation>批量添加(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>A training, technical service, seminar, samples sent… and who took part.</source>
        <translation>培训、技术服务、讲座、赠送样品…以及参加人员。</translation>
    </message>
    <message>
        <source>Gift requests refer to this activity: it cannot be deleted.</source>
        <translation>已有礼品申请关联此活动，不能删除。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete %1 (%2) and its participants?</source>
        <translation>确定删除 %1（%2）及其参加人员？</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>at least {0} characters</source>
        <translation>至少 {0} 个字符</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>e.g. 2021-03-01</source>
        <translation>例如 2021-03-01</translation>
    </message>
    <message>
        <source>e.g. 50,000.00</source>
        <translation>例如 50,000.00</translation>
    </message>
    <message>
        <source>e.g. 13800138000, 010-62551234 or 010-62551234 ext. 8001</source>
        <translation>例如 13800138000、010-62551234 或 010-62551234 转8001</translation>
    </message>
    <message>
        <source>18 letters and digits</source>
        <translation>18 位字母和数字</translation>
    </message>
    <message>
        <source>Customer archive: %1</source>
        <translation>用户档案：%1</translation>
    </message>
    <message>
        <source>You keep the archives.</source>
        <translation>您可查阅全部档案。</translation>
    </message>
    <message>
        <source>You are this customer&apos;s responsible staff member.</source>
        <translation>您是该客户的业务负责人。</translation>
    </message>
    <message>
        <source>Access granted until %1.</source>
        <translation>查阅已批准，有效期至 %1。</translation>
    </message>
    <message>
        <source>Read only.</source>
        <translation>只读。</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>已于 %1 保存。</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to this archive?</source>
        <translation>是否保存对该档案的修改？</translation>
    </message>
    <message>
        <source>Archive card %1</source>
        <translation>档案卡 %1</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>基本信息(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Business &amp;&amp; credit</source>
        <translation>经营与信用(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Make primary</source>
        <translation>设为主要</translation>
    </message>
    <message>
        <source>A&amp;ddresses</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <source>Add address…</source>
        <translation>添加地址…</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更记录(&amp;H)</translation>
    </message>
    <message>
        <source>Access &amp;log</source>
        <translation>查阅记录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Print archive card…</source>
        <translation>打印档案卡(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>保存修改 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Daily backup failed</source>
        <translation>每日备份失败</translation>
    </message>
    <message>
        <source>Daily backup written: {0}</source>
        <translation>已写入每日备份：{0}</translation>
    </message>
</context>
<context>
    <name>ComplaintColumns</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>About</source>
        <translation>投诉对象</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>当前期限</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>The customer&apos;s words</source>
        <translation>用户原话</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>&amp;Complaint</source>
        <translation>投诉内容(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Handling</source>
        <translation>处理(&amp;H)</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>处理记录(&amp;I)</translation>
    </message>
    <message>
        <source>R&amp;eceive the complaint</source>
        <translation>受理投诉(&amp;E)</translation>
    </message>
    <message>
        <source>Print the &amp;form…</source>
        <translation>打印处理单(&amp;F)…</translation>
    </message>
    <message>
        <source>Name, code, phone or pinyin initials</source>
        <translation>名称、编号、电话或拼音首字母</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>投诉对象：</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>严重程度：</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>What the customer said, in their words</source>
        <translation>用户的原话</translation>
    </message>
    <message>
        <source>What the customer asks for</source>
        <translation>用户的要求</translation>
    </message>
    <message>
        <source>— not assigned yet —</source>
        <translation>— 暂未指定 —</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>客户(&amp;U)：</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>&amp;Job / unit:</source>
        <translation>维修单/设备(&amp;J)：</translation>
    </message>
    <message>
        <source>Staff member:</source>
        <translation>被投诉人员：</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;words:</source>
        <translation>用户原话(&amp;W)：</translation>
    </message>
    <message>
        <source>They ask for:</source>
        <translation>用户要求：</translation>
    </message>
    <message>
        <source>&amp;Responsible:</source>
        <translation>责任人(&amp;R)：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Deadlines:</source>
        <translation>处理期限：</translation>
    </message>
    <message>
        <source>— not known yet —</source>
        <translation>— 尚未查明 —</translation>
    </message>
    <message>
        <source>Why no answer could be had</source>
        <translation>未能取得用户意见的原因</translation>
    </message>
    <message>
        <source>The step&apos;s note: what the customer was told, why it is reopened…</source>
        <translation>本步说明：对用户说了什么、为何重新处理…</translation>
    </message>
    <message>
        <source>In&amp;vestigation:</source>
        <translation>调查情况(&amp;V)：</translation>
    </message>
    <message>
        <source>C&amp;ause:</source>
        <translation>原因(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Measures:</source>
        <translation>处理措施(&amp;M)：</translation>
    </message>
    <message>
        <source>Re&amp;ply:</source>
        <translation>答复(&amp;P)：</translation>
    </message>
    <message>
        <source>Customer&apos;s answer:</source>
        <translation>用户意见：</translation>
    </message>
    <message>
        <source>C&amp;losing:</source>
        <translation>结案意见(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Save the investigation</source>
        <translation>保存调查(&amp;S)</translation>
    </message>
    <message>
        <source>Manager: assign and set deadlines</source>
        <translation>经理：分派与期限</translation>
    </message>
    <message>
        <source>— not assigned —</source>
        <translation>— 未指定 —</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>首次联系</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>应用(&amp;Y)</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>First contact by</source>
        <translation>首次联系期限</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Close by</source>
        <translation>结案期限</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Customer&apos;s answer</source>
        <translation>用户意见</translation>
    </message>
    <message>
        <source>Why no answer</source>
        <translation>未取得意见原因</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结案意见</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>A new complaint: %1</source>
        <translation>新投诉：%1</translation>
    </message>
    <message>
        <source>Set from the severity when it is received.</source>
        <translation>受理时按严重程度自动设定。</translation>
    </message>
    <message>
        <source>Complaint %1</source>
        <translation>投诉 %1</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>received %1 by %2</source>
        <translation>%1 由 %2 受理</translation>
    </message>
    <message>
        <source>First contact by %1, reply by %2, close by %3.</source>
        <translation>首次联系 %1 前，答复 %2 前，结案 %3 前。</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;Open only</source>
        <translation>仅未结案(&amp;O)</translation>
    </message>
    <message>
        <source>Overd&amp;ue only</source>
        <translation>仅逾期(&amp;U)</translation>
    </message>
    <message>
        <source>Number, customer or a word of the complaint</source>
        <translation>编号、客户或投诉内容中的关键字</translation>
    </message>
    <message>
        <source>&amp;New complaint…</source>
        <translation>新投诉(&amp;N)…</translation>
    </message>
    <message>
        <source>Op&amp;en…</source>
        <translation>打开(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Deadlines…</source>
        <translation>处理期限(&amp;D)…</translation>
    </message>
    <message>
        <source>The deadlines of a new complaint by its severity</source>
        <translation>按严重程度设定新投诉的处理期限</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>共 %n 件投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 件逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Waiting (%1)…</source>
        <translation>待立案(%1)(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>CompletionModel</name>
    <message>
        <source>Staff</source>
        <translation>业务人员</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Carried</source>
        <translation>顺延</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>完成率</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connection to the database lost — reconnecting… Nothing is saved until it is back.</source>
        <translation>与数据库的连接已断开——正在重新连接…… 恢复前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Try &amp;now</source>
        <translation>立即重试(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ContactBookDialog</name>
    <message>
        <source>Print the contact register</source>
        <translation>打印客服登记本</translation>
    </message>
    <message>
        <source>The book&apos;s pages for the days from the first to the last, oldest first, one row a call, letter or visit, with the lines per kind and a line to sign.</source>
        <translation>打印起止日期内的登记本页面，按时间先后排列，每次来电、来函或来访一行，并附各类别合计和核对签字栏。</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>截止日期(&amp;L)：</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>本月(&amp;M)</translation>
    </message>
    <message>
        <source>La&amp;st month</source>
        <translation>上月(&amp;S)</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>今天(&amp;D)</translation>
    </message>
    <message>
        <source>Lines:</source>
        <translation>登记条数：</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>超过 %1 条</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主要</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>In/Out</source>
        <translation>来/去</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Customer / caller</source>
        <translation>客户 / 来电人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>The earlier line this line corrects (its reason as the tooltip)</source>
        <translation>本条所更正的原登记（悬停可见更正原因）</translation>
    </message>
    <message>
        <source>%1 (done)</source>
        <translation>%1（已跟进）</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>New line</source>
        <translation>新登记</translation>
    </message>
    <message>
        <source>Phone (typed or pasted), name, code or pinyin initials</source>
        <translation>电话（输入或粘贴）、名称、编号或拼音首字母</translation>
    </message>
    <message>
        <source>Unknown caller: the line keeps the number.</source>
        <translation>未知来电人：登记中保留来电号码。</translation>
    </message>
    <message>
        <source>Who called (contact person)</source>
        <translation>来电人（联系人）</translation>
    </message>
    <message>
        <source>What the customer wants (Enter saves)</source>
        <translation>用户反映的事项（回车保存）</translation>
    </message>
    <message>
        <source>What was answered (Enter saves)</source>
        <translation>答复内容（回车保存）</translation>
    </message>
    <message>
        <source>&amp;Caller:</source>
        <translation>来电(&amp;C)：</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Matter:</source>
        <translation>事由(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>答复(&amp;A)：</translation>
    </message>
    <message>
        <source>by</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>&amp;Save (Enter)</source>
        <translation>保存(&amp;S)（回车）</translation>
    </message>
    <message>
        <source>Save and start &amp;intake</source>
        <translation>保存并开始收件(&amp;I)</translation>
    </message>
    <message>
        <source>A repair request: save the line and open the intake with the customer filled in</source>
        <translation>报修：保存登记，并打开收件页、自动填好客户</translation>
    </message>
    <message>
        <source>C&amp;lear (Esc)</source>
        <translation>清空(&amp;L)（Esc）</translation>
    </message>
    <message>
        <source>The customer&apos;s open jobs</source>
        <translation>该客户在修的维修单</translation>
    </message>
    <message>
        <source>My follow-ups due</source>
        <translation>我的待跟进事项</translation>
    </message>
    <message>
        <source>Due today or overdue. Double-click (or Enter) to record the follow-up.</source>
        <translation>今天到期或已逾期的跟进。双击（或回车）登记跟进结果。</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Customer or number</source>
        <translation>客户或电话</translation>
    </message>
    <message>
        <source>Word in matter/answer</source>
        <translation>事由/答复中的关键字</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Co&amp;rrect line…</source>
        <translation>更正登记(&amp;R)…</translation>
    </message>
    <message>
        <source>E&amp;xport .xlsx…</source>
        <translation>导出 .xlsx(&amp;X)…</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>方式(&amp;N)：</translation>
    </message>
    <message>
        <source>Jo&amp;b:</source>
        <translation>维修单(&amp;B)：</translation>
    </message>
    <message>
        <source>Follo&amp;w-up by:</source>
        <translation>跟进人(&amp;W)：</translation>
    </message>
    <message>
        <source>Print the b&amp;ook…</source>
        <translation>打印登记本(&amp;O)…</translation>
    </message>
    <message>
        <source>The register&apos;s pages for a range of days, on A4 (Ctrl+P)</source>
        <translation>按日期范围打印登记本页面，A4 纸（Ctrl+P）</translation>
    </message>
    <message>
        <source>— no follow-up —</source>
        <translation>— 无需跟进 —</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>Called before: %1 on %2.</source>
        <translation>曾来电：%2 登记 %1。</translation>
    </message>
    <message>
        <source>No job in the shop.</source>
        <translation>无在修设备。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Choose the customer first: the intake needs one.</source>
        <translation>请先选择客户：收件需要客户。</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>My follow-ups due (%1)</source>
        <translation>我的待跟进事项（%1）</translation>
    </message>
    <message>
        <source>Follows up %1</source>
        <translation>跟进 %1</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>跟进：%1</translation>
    </message>
    <message>
        <source>%1+ lines</source>
        <translation>%1 条以上</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact register %1 to %2</source>
        <translation>客服登记本 %1 至 %2</translation>
    </message>
    <message>
        <source>Export the contact register</source>
        <translation>导出客服登记本</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>In/Out</source>
        <translation>来/去</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Follow-up by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>跟进期限</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Reason of the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 条写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct register row %1</source>
        <translation>更正登记行 %1</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>登记行：</translation>
    </message>
    <message>
        <source>Void this row (written in error)</source>
        <translation>作废此行（误登记）</translation>
    </message>
    <message>
        <source>The direction was:</source>
        <translation>实际方向为：</translation>
    </message>
    <message>
        <source>The unit was brought/collected by:</source>
        <translation>实际送修/取件人为：</translation>
    </message>
    <message>
        <source>What was wrong with the row</source>
        <translation>该行的错误之处</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Correct contact line %1</source>
        <translation>更正登记 %1</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>登记：</translation>
    </message>
    <message>
        <source>&amp;Correct the line as follows</source>
        <translation>按以下内容更正(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Void the line (written in error)</source>
        <translation>作废该条登记（误登记）(&amp;V)</translation>
    </message>
    <message>
        <source>Name, code, phone or pinyin initials</source>
        <translation>名称、编号、电话或拼音首字母</translation>
    </message>
    <message>
        <source>What was wrong with the line</source>
        <translation>该条登记错在哪里</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>来电人：</translation>
    </message>
    <message>
        <source>Matter:</source>
        <translation>事由：</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答复：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Nothing was changed: change the line, or void it.</source>
        <translation>没有任何改动：请修改内容，或将其作废。</translation>
    </message>
</context>
<context>
    <name>CustomerContactsPanel</name>
    <message>
        <source>No.</source>
        <extracomment>The lines an archive page shows (the register tab finds the rest).</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>In/Out</source>
        <translation>来/去</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Calls and letters (%1)</source>
        <translation>来电来函（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) in the contact register.</source>
        <translation>
            <numerusform>客服登记本中共 %n 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerCounterPanel</name>
    <message>
        <source>Service jobs</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Maintenance agreements</source>
        <translation>维修协议</translation>
    </message>
    <message>
        <source>Double-click or Enter opens the job</source>
        <translation>双击或按 Enter 打开维修单</translation>
    </message>
    <message>
        <source>&amp;Units, jobs, agreements</source>
        <translation>产品、维修单、协议(&amp;U)</translation>
    </message>
    <message>
        <source>Job no.</source>
        <translation>维修单号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>销售日期</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>agreement in force</comment>
        <translation>有效</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>e.g. 13800138000, 010-62551234 or 010-62551234 ext. 8001</source>
        <translation>例如 13800138000、010-62551234 或 010-62551234 转8001</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>A dealer, retailer or agent is added under investigation: it becomes a customer when the manager approves it in New customer selection.</source>
        <translation>新增的经销商、零售商或委托代理商先列为考察中的潜在客户，经理在“新用户选择”中批准后才成为正式客户。</translation>
    </message>
</context>
<context>
    <name>CustomerPickDialog</name>
    <message>
        <source>Print survey form for a customer</source>
        <translation>为客户打印调查表</translation>
    </message>
    <message>
        <source>Name, code, phone or initials; Enter picks</source>
        <translation>名称、编号、电话或首字母；按 Enter 选定</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>CustomerServicePanel</name>
    <message>
        <source>Patrol</source>
        <translation>巡回服务</translation>
    </message>
    <message>
        <source>Market development</source>
        <translation>市场开拓</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Carried forward</source>
        <translation>已顺延</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>业务人员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>People</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>回收日期</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>填表人</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>&amp;Visits and service</source>
        <translation>走访与服务(&amp;V)</translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation>走访 (%1)</translation>
    </message>
    <message>
        <source>Activities (%1)</source>
        <translation>服务活动 (%1)</translation>
    </message>
    <message>
        <source>Gifts (%1)</source>
        <translation>礼品申请 (%1)</translation>
    </message>
    <message>
        <source>Surveys (%1)</source>
        <translation>调查表 (%1)</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) overdue</source>
        <translation>
            <numerusform>%n 次走访逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>Gifts given</source>
        <translation>已发放礼品</translation>
    </message>
    <message>
        <source>Latest survey average</source>
        <translation>最近调查平均分</translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Active, suspended and closed customers</source>
        <translation>状态为正常、暂停和已关闭的客户</translation>
    </message>
    <message>
        <source>All, with prospects</source>
        <translation>全部（含潜在）</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>more than %1 customers</source>
        <translation>超过 %1 个客户</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>Excel CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export the overview</source>
        <translation>导出一览表</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个客户写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer overview</source>
        <translation>用户情况一览表</translation>
    </message>
    <message>
        <source>Find: name, short name, pinyin initials (bjhd), phone or code</source>
        <translation>查找：名称、简称、拼音首字母 (bjhd)、电话或编号</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>类别(&amp;G)：</translation>
    </message>
    <message>
        <source>Cre&amp;dit:</source>
        <translation>信用(&amp;D)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>R&amp;egion:</source>
        <translation>地区(&amp;E)：</translation>
    </message>
    <message>
        <source>Responsi&amp;ble:</source>
        <translation>负责人(&amp;B)：</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the customer&apos;s archive (Enter or double-click)</source>
        <translation>打开该客户的档案（Enter 或双击）</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>New customer &amp;selection…</source>
        <translation>新用户选择(&amp;S)…</translation>
    </message>
    <message>
        <source>Prospects: investigations, assessment and the manager&apos;s decision (§2.2)</source>
        <translation>潜在客户：调查、评估及经理的决定（§2.2）</translation>
    </message>
    <message>
        <source>&amp;Access requests…</source>
        <translation>查阅申请(&amp;A)…</translation>
    </message>
    <message>
        <source>Access &amp;log…</source>
        <translation>查阅记录(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Print overview…</source>
        <translation>打印一览表(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <source>Complaint deadlines</source>
        <translation>投诉处理期限</translation>
    </message>
    <message>
        <source>By severity: hours to the first contact with the customer, working days (Monday to Friday) to the reply and to the close, counted from when the complaint is received.</source>
        <translation>按严重程度设定：自受理时起，首次联系用户的小时数，以及答复和结案的工作日数（周一至周五）。</translation>
    </message>
    <message>
        <source>First contact (hours)</source>
        <translation>首次联系（小时）</translation>
    </message>
    <message>
        <source>Reply (working days)</source>
        <translation>答复（工作日）</translation>
    </message>
    <message>
        <source>Close (working days)</source>
        <translation>结案（工作日）</translation>
    </message>
</context>
<context>
    <name>FieldServiceTab</name>
    <message>
        <source>Vi&amp;sits and plans</source>
        <extracomment>(page code, permissions any of which shows the page)</extracomment>
        <translation>走访与计划(&amp;S)</translation>
    </message>
    <message>
        <source>Service a&amp;ctivities</source>
        <translation>服务活动(&amp;C)</translation>
    </message>
    <message>
        <source>Satisfaction s&amp;urveys</source>
        <translation>满意度调查(&amp;U)</translation>
    </message>
    <message>
        <source>Gifts and sa&amp;mples</source>
        <translation>礼品与样品(&amp;M)</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Set up the administrator — csdesk</source>
        <translation>设置系统管理员 — csdesk</translation>
    </message>
    <message>
        <source>This database has no administrator who can sign in yet. Choose the administrator&apos;s name and password; the administrator then adds the other users in File › Users.</source>
        <translation>该数据库中还没有可登录的系统管理员。请设置系统管理员的姓名和密码；之后由系统管理员在“文件 › 用户管理”中添加其他用户。</translation>
    </message>
    <message>
        <source>csdesk now signs users in with a password. Set the password of the administrator {0}; the administrator then gives the other users their passwords in File › Users.</source>
        <translation>csdesk 现在要求用户凭密码登录。请为系统管理员 {0} 设置密码；之后由系统管理员在“文件 › 用户管理”中为其他用户设置密码。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>at least {0} characters</source>
        <translation>至少 {0} 个字符</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>GiftDialog</name>
    <message>
        <source>Refuse the request</source>
        <translation>拒绝申请</translation>
    </message>
    <message>
        <source>Why is it refused? (required)</source>
        <translation>拒绝原因（必填）</translation>
    </message>
    <message>
        <source>New gift request</source>
        <translation>新建礼品申请</translation>
    </message>
    <message>
        <source>Gift request</source>
        <translation>礼品申请</translation>
    </message>
    <message>
        <source>name, phone, code or pinyin initials</source>
        <translation>名称、电话、编号或拼音首字母</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用于</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit value</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>添加物品(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove item</source>
        <translation>删除物品(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>拒绝(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>requested by %1 at %2</source>
        <translation>由 %1 于 %2 申请</translation>
    </message>
    <message>
        <source>Gifts and samples are requested beforehand and given only once approved.</source>
        <translation>礼品和样品须事先申请，经批准后方可发放。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 by %2 at %3.</source>
        <translation>%1（%2，%3）。</translation>
    </message>
    <message>
        <source>Given to %1 at %2 by %3.</source>
        <translation>已于 %2 由 %3 发放给 %1。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Choose the customer from the list.</source>
        <translation>请从列表中选择客户。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史记录</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>提出申请</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>GiftsPage</name>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Number, customer, item or reason</source>
        <translation>编号、客户、物品或事由</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Given to</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>新建申请(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Refuse…</source>
        <translation>拒绝(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Given…</source>
        <translation>登记发放(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Print slip</source>
        <translation>打印申请单(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Totals…</source>
        <translation>汇总(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>待批</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>全部申请</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 份申请</numerusform>
        </translation>
    </message>
    <message>
        <source>Record as given: %1</source>
        <translation>登记发放：%1</translation>
    </message>
    <message>
        <source>Gift request %1</source>
        <translation>礼品申请 %1</translation>
    </message>
</context>
<context>
    <name>GivenDialog</name>
    <message>
        <source>Record as given</source>
        <translation>登记发放</translation>
    </message>
    <message>
        <source>the person who received it</source>
        <translation>领取人姓名</translation>
    </message>
    <message>
        <source>Given to</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>发放时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Who received it?</source>
        <translation>请填写领取人。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&amp;Strict: leave out rows with a field that cannot be read</source>
        <translation>严格模式(&amp;S)：有无法识别的字段时整行不导入</translation>
    </message>
    <message>
        <source>Without it, a field that cannot be read (a date such as 不详 or in the future, an unknown credit rating, a broken phone number) is imported empty and the row gets a warning.</source>
        <translation>不勾选时，无法识别的字段（如“不详”或晚于今天的日期、无法对应的信用等级、有误的电话号码）留空导入，该行标为警告。</translation>
    </message>
    <message>
        <source>Customer list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <source>Customer lists (*.xlsx *.csv);;All files (*)</source>
        <translation>客户名单 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a .xlsx or .csv file.</source>
        <translation>请选择 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>Columns read: %1.</source>
        <translation>已读取的列：%1。</translation>
    </message>
    <message>
        <source>Not imported: %1.</source>
        <translation>未导入：%1。</translation>
    </message>
    <message>
        <source>Credit ratings read from the file:</source>
        <translation>文件中的信用等级按下表读取：</translation>
    </message>
    <message>
        <source>Credit ratings as written in the file: %1.</source>
        <translation>文件中的信用等级写法：%1。</translation>
    </message>
    <message>
        <source>Credit ratings: A, B, C or D in the file.</source>
        <translation>信用等级：文件中为 A、B、C 或 D。</translation>
    </message>
    <message>
        <source>(AAA, AA, 优 → A; BBB, 良好 → B; 一般 → C; 差 → D: the whole table in the tooltip.)</source>
        <translation>（AAA、AA、优 → A；BBB、良好 → B；一般 → C；差 → D；完整对照表见鼠标悬停提示。）</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n row(s)</source>
        <translation>
            <numerusform>导入 %n 行(&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is written until you press Import.</source>
        <translation>按“导入”之前不会写入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in the file: </source>
        <translation>
            <numerusform>文件中共 %n 行：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ready, %2 with warnings (imported), %3 with errors (not imported).</source>
        <translation>%1 行可导入，%2 行有警告（将导入），%3 行有错误（不导入）。</translation>
    </message>
    <message>
        <source>Correct the rows with errors in the file and check it again, or import the others.</source>
        <translation>请在文件中更正有错误的行后重新检查，或只导入其他行。</translation>
    </message>
    <message numerus="yes">
        <source>Import %n customer(s) into the archive?</source>
        <translation>
            <numerusform>确定将 %n 个客户导入档案？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be left out.</source>
        <translation>
            <numerusform>有错误的 %n 行将不导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) added</source>
        <translation>
            <numerusform>已添加 %n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) not imported.</source>
        <translation>
            <numerusform>%n 行未导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>A customer list: .xlsx or .csv (headers such as 名称, 电话, 类别, 地址)</source>
        <translation>客户名单：.xlsx 或 .csv（列标题如 名称、电话、类别、地址）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Check the file</source>
        <translation>检查文件(&amp;C)</translation>
    </message>
    <message>
        <source>Show only rows with &amp;messages</source>
        <translation>只显示有提示的行(&amp;M)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>InShopModel</name>
    <message>
        <source>Job no.</source>
        <translation>维修单号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Days in</source>
        <translation>在店天数</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
</context>
<context>
    <name>InformDialog</name>
    <message>
        <source>Customer informed</source>
        <translation>已通知客户</translation>
    </message>
    <message>
        <source>e.g. will collect on Friday</source>
        <translation>例如：周五来取</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>1  Customer</source>
        <translation>1  客户</translation>
    </message>
    <message>
        <source>Name, phone, customer code or pinyin initials</source>
        <translation>姓名、电话、客户编号或拼音首字母</translation>
    </message>
    <message>
        <source>&amp;New customer… (Ctrl+N)</source>
        <translation>新建客户(&amp;N)… (Ctrl+N)</translation>
    </message>
    <message>
        <source>No customer chosen yet.</source>
        <translation>尚未选择客户。</translation>
    </message>
    <message>
        <source>2  Unit</source>
        <translation>2  产品</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>查找(&amp;D)：</translation>
    </message>
    <message>
        <source>S&amp;erial number:</source>
        <translation>序列号(&amp;E)：</translation>
    </message>
    <message>
        <source>Type or scan, then Enter</source>
        <translation>输入或扫描后按 Enter</translation>
    </message>
    <message>
        <source>&amp;Product (model):</source>
        <translation>产品（型号）(&amp;P)：</translation>
    </message>
    <message>
        <source>New product &amp;name:</source>
        <translation>新产品名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Only for a model not listed</source>
        <translation>仅用于列表中没有的型号</translation>
    </message>
    <message>
        <source>&amp;Warranty:</source>
        <translation>保修期(&amp;W)：</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Sale &amp;date:</source>
        <translation>销售日期(&amp;D)：</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>Service history of this unit</source>
        <translation>该产品的维修记录</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>3  Items received (one repair card each)</source>
        <translation>3  随机物品（每件一张维修卡）</translation>
    </message>
    <message>
        <source>+ Power adapter/charger</source>
        <translation>+ 电源适配器/充电器</translation>
    </message>
    <message>
        <source>+ Battery</source>
        <translation>+ 电池</translation>
    </message>
    <message>
        <source>+ Packaging/box</source>
        <translation>+ 包装盒</translation>
    </message>
    <message>
        <source>+ Data cable</source>
        <translation>+ 数据线</translation>
    </message>
    <message>
        <source>+ Bag/case</source>
        <translation>+ 电脑包/保护套</translation>
    </message>
    <message>
        <source>Another item, then Enter (empty Enter: go on to the fault)</source>
        <translation>其他物品，输入后按 Enter（不输入直接按 Enter：转到故障）</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>4  Fault and condition</source>
        <translation>4  故障及外观状况</translation>
    </message>
    <message>
        <source>Fa&amp;ult (as the customer says):</source>
        <translation>故障（客户描述）(&amp;U)：</translation>
    </message>
    <message>
        <source>Appearance and &amp;condition:</source>
        <translation>外观状况(&amp;C)：</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Scratches</source>
        <translation>划痕</translation>
    </message>
    <message>
        <source>Dents</source>
        <translation>凹痕</translation>
    </message>
    <message>
        <source>Cracked screen</source>
        <translation>屏幕破裂</translation>
    </message>
    <message>
        <source>Liquid damage</source>
        <translation>进液</translation>
    </message>
    <message>
        <source>5  Service</source>
        <translation>5  服务</translation>
    </message>
    <message>
        <source>&amp;Promised for:</source>
        <translation>预计取件日期(&amp;P)：</translation>
    </message>
    <message>
        <source>Service &amp;kind:</source>
        <translation>服务类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Why it differs from the rules</source>
        <translation>与规定不同的原因</translation>
    </message>
    <message>
        <source>&amp;Brought by:</source>
        <translation>送修人(&amp;B)：</translation>
    </message>
    <message>
        <source>Only if not the customer</source>
        <translation>仅当非客户本人时填写</translation>
    </message>
    <message>
        <source>C&amp;lear form</source>
        <translation>清空表单(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save and print (F12)</source>
        <translation>保存并打印(&amp;S) (F12)</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Power adapter/charger</source>
        <translation>电源适配器/充电器</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>Packaging/box</source>
        <translation>包装盒</translation>
    </message>
    <message>
        <source>Data cable</source>
        <translation>数据线</translation>
    </message>
    <message>
        <source>Laptop bag/case</source>
        <translation>电脑包/保护套</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Scratches</source>
        <translation>划痕</translation>
    </message>
    <message>
        <source>Dents</source>
        <translation>凹痕</translation>
    </message>
    <message>
        <source>Cracked screen</source>
        <translation>屏幕破裂</translation>
    </message>
    <message>
        <source>Liquid damage</source>
        <translation>进液</translation>
    </message>
    <message>
        <source>Save and preview (Shift+F12)</source>
        <translation>保存并预览 (Shift+F12)</translation>
    </message>
    <message>
        <source>Save the job and show the pickup receipt and repair cards in the preview (print or save them as PDF from there).</source>
        <translation>保存维修单，并在预览中显示领取收据和维修卡（可从预览打印或另存为 PDF）。</translation>
    </message>
    <message>
        <source>No customer chosen yet.</source>
        <translation>尚未选择客户。</translation>
    </message>
    <message>
        <source>Scan or type the serial number and press Enter: the product, its warranty, the service kind and the unit&apos;s earlier jobs show here.</source>
        <translation>扫描或输入序列号后按 Enter：此处将显示产品、保修情况、服务类型以及该产品以往的维修单。</translation>
    </message>
    <message>
        <source>This unit is already in the shop under job {0}.</source>
        <translation>该产品已在店内维修（维修单 {0}）。</translation>
    </message>
    <message>
        <source>This unit is recorded as {0}&apos;s ({1}). Whom is it taken in for?</source>
        <translation>此机器登记在{0}（{1}）名下。本次为谁送修？</translation>
    </message>
    <message>
        <source>It now belongs to {0}: record the change of owner</source>
        <translation>机器已归{0}所有：登记所有人变更</translation>
    </message>
    <message>
        <source>{0} saved: receipt {1} printed.</source>
        <translation>{0} 已保存，收据 {1} 已打印。</translation>
    </message>
    <message>
        <source>{0} saved; receipt {1} NOT printed: print it from the job.</source>
        <translation>{0} 已保存；收据 {1} 未打印：请在维修单中打印。</translation>
    </message>
    <message>
        <source>{0} saved: receipt {1} and repair cards printed.</source>
        <translation>{0} 已保存，收据 {1} 和维修卡已打印。</translation>
    </message>
    <message>
        <source>{0} saved: receipt {1} printed; repair cards NOT printed: print them again from the job.</source>
        <translation>{0} 已保存，收据 {1} 已打印；维修卡未打印：请在维修单中重新打印。</translation>
    </message>
    <message>
        <source>{0} saved: repair cards printed; receipt {1} NOT printed: print it again from the job.</source>
        <translation>{0} 已保存，维修卡已打印；收据 {1} 未打印：请在维修单中重新打印。</translation>
    </message>
    <message>
        <source>{0} saved; receipt {1} and repair cards NOT printed: print them from the job.</source>
        <translation>{0} 已保存；收据 {1} 和维修卡均未打印：请在维修单中打印。</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>Clear the form? The customer, serial, items and fault typed so far are lost.</source>
        <translation>确定清空表单？已填写的客户、序列号、随机物品和故障描述将全部丢失。</translation>
    </message>
    <message>
        <source>{0} (by the rules)</source>
        <translation>{0}（按规定）</translation>
    </message>
    <message>
        <source>For {0}, its owner ({1} brought it): the owner&apos;s agreement {2} applies</source>
        <translation>为机主{0}代收（由{1}送来）：按机主的维修协议 {2}</translation>
    </message>
    <message>
        <source>For {0}, its owner ({1} brought it)</source>
        <translation>为机主{0}代收（由{1}送来）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the fields marked in red.</source>
        <translation>未保存：请更正标红的字段。</translation>
    </message>
    <message>
        <source>Job {0} was saved; its pickup receipt is {1}.</source>
        <translation>维修单 {0} 已保存，领取收据号 {1}。</translation>
    </message>
    <message>
        <source>Main unit</source>
        <translation>主机</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Part</source>
        <extracomment>The usual next step from each state: its button comes first, in bold.</extracomment>
        <translation>配件</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Service job %1</source>
        <translation>维修单 %1</translation>
    </message>
    <message>
        <source>sale date unknown</source>
        <translation>销售日期未知</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>agreement %1</source>
        <translation>协议 %1</translation>
    </message>
    <message>
        <source>changed from %1: %2</source>
        <translation>原按规定为 %1，更改原因：%2</translation>
    </message>
    <message>
        <source>Parts and materials: %1</source>
        <translation>配件及材料：%1</translation>
    </message>
    <message>
        <source>Labour: %1</source>
        <translation>工时：%1</translation>
    </message>
    <message>
        <source>Covered by warranty:</source>
        <translation>保修承担：</translation>
    </message>
    <message>
        <source>Covered by the agreement:</source>
        <translation>协议承担：</translation>
    </message>
    <message>
        <source>Covered:</source>
        <translation>免付：</translation>
    </message>
    <message>
        <source>Free service under warranty: the customer pays nothing. The cost is shown so the department sees what warranty work costs.</source>
        <translation>保修期内无偿服务：客户无需付费。显示费用是为了让部门了解保修维修的成本。</translation>
    </message>
    <message>
        <source>Contract service: the customer pays what the maintenance agreement does not cover.</source>
        <translation>协议服务：维修协议未覆盖的部分由客户支付。</translation>
    </message>
    <message>
        <source>Paid service: the customer pays parts and labour.</source>
        <translation>有偿服务：客户支付配件及工时费用。</translation>
    </message>
    <message>
        <source>Hand &amp;back to the customer…</source>
        <translation>交付取件(&amp;B)…</translation>
    </message>
    <message>
        <source>Closed: read only</source>
        <translation>已关闭：只读</translation>
    </message>
    <message>
        <source>Handed back %1 to %2</source>
        <translation>已于 %1 交付给 %2</translation>
    </message>
    <message>
        <source>Parts and labour are recorded while the job is being worked on (from diagnosis to repaired).</source>
        <translation>配件和工时只能在维修过程中（从检测到修复）登记。</translation>
    </message>
    <message>
        <source>another station</source>
        <translation>其他工作站</translation>
    </message>
    <message>
        <source>Changed at another station by %1 at %2: this is the job as it is now.</source>
        <translation>%1 已于 %2 在其他工作站修改此维修单：现在显示的是最新内容。</translation>
    </message>
    <message>
        <source>Why? (kept in the job&apos;s history)</source>
        <translation>原因？（记入维修单的历史记录）</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>取消维修单</translation>
    </message>
    <message>
        <source>Why is the job cancelled? (its receipt and register row are voided)</source>
        <translation>为什么取消维修单？（其收据和登记行将作废）</translation>
    </message>
    <message>
        <source>Cancel job %1? This cannot be undone.</source>
        <translation>确定取消维修单 %1？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Service job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation>序列号：</translation>
    </message>
    <message>
        <source>Warranty until:</source>
        <translation>保修截止：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>随机物品：</translation>
    </message>
    <message>
        <source>Service kind:</source>
        <translation>服务类型：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>接收时间：</translation>
    </message>
    <message>
        <source>Promised:</source>
        <translation>预计取件：</translation>
    </message>
    <message>
        <source>Technician:</source>
        <translation>技术员：</translation>
    </message>
    <message>
        <source>Fault:</source>
        <translation>故障：</translation>
    </message>
    <message>
        <source>Customer &amp;informed…</source>
        <translation>已通知客户(&amp;I)…</translation>
    </message>
    <message>
        <source>Change service &amp;kind…</source>
        <translation>更改服务类型(&amp;K)…</translation>
    </message>
    <message>
        <source>Cancel &amp;job…</source>
        <translation>取消维修单(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Diagnosis</source>
        <translation>检测结果(&amp;D)</translation>
    </message>
    <message>
        <source>What is wrong and what needs doing</source>
        <translation>故障原因及需要进行的维修</translation>
    </message>
    <message>
        <source>&amp;Save diagnosis</source>
        <translation>保存检测结果(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Parts &amp;&amp; materials</source>
        <translation>配件及材料(&amp;P)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Part no.</source>
        <translation>配件编号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price ¥</source>
        <translation>单价 ¥</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Char&amp;ges</source>
        <translation>费用(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Labour</source>
        <translation>工时(&amp;L)</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Rate ¥/h</source>
        <translation>费率 ¥/小时</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>R&amp;emove selected</source>
        <translation>删除所选(&amp;E)</translation>
    </message>
    <message>
        <source>Parts and materials:</source>
        <translation>配件及材料：</translation>
    </message>
    <message>
        <source>Labour:</source>
        <translation>工时：</translation>
    </message>
    <message>
        <source>Cost of the repair:</source>
        <translation>维修费用合计：</translation>
    </message>
    <message>
        <source>Customer pays:</source>
        <translation>客户应付：</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>已付：</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Print repair &amp;cards</source>
        <translation>打印维修卡(&amp;C)</translation>
    </message>
    <message>
        <source>Print &amp;receipt</source>
        <translation>打印收据(&amp;R)</translation>
    </message>
    <message>
        <source>Print the pickup receipt again</source>
        <translation>重新打印领取收据</translation>
    </message>
    <message>
        <source>Service &amp;voucher…</source>
        <translation>服务凭证(&amp;V)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>JobQueueModel</name>
    <message>
        <source>Job no.</source>
        <translation>维修单号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>预计取件</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <source>Change service kind</source>
        <translation>更改服务类型</translation>
    </message>
    <message>
        <source>The rules say:</source>
        <translation>按规定：</translation>
    </message>
    <message>
        <source>Service kind:</source>
        <translation>服务类型：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>LabourModel</name>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>After-sales &amp;intake</source>
        <translation>售后接待(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Repair cards</source>
        <translation>维修卡(&amp;R)</translation>
    </message>
    <message>
        <source>In/out re&amp;gister</source>
        <translation>进出登记(&amp;G)</translation>
    </message>
    <message>
        <source>Customer &amp;archives</source>
        <translation>用户档案(&amp;A)</translation>
    </message>
    <message>
        <source>The repair cards tab is not available in this build.</source>
        <translation>此版本不含维修卡页面。</translation>
    </message>
    <message>
        <source>The in/out register tab is not available in this build.</source>
        <translation>此版本不含进出登记页面。</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source> Find / scan: </source>
        <translation> 查找/扫描： </translation>
    </message>
    <message>
        <source>Receipt, repair card, job number or serial, then Enter (Ctrl+F)</source>
        <translation>收据、维修卡、维修单号或序列号，然后按 Enter (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch user…</source>
        <translation>退出登录/切换用户(&amp;O)…</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1})</source>
        <translation>已登录：{0}（{1}）</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Visit &amp;planning</source>
        <translation>走访计划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>维修单(&amp;J)</translation>
    </message>
    <message>
        <source>After-sales service counter</source>
        <translation>售后服务前台</translation>
    </message>
    <message>
        <source>After-sales intake</source>
        <translation>售后接待</translation>
    </message>
    <message>
        <source>Repair cards</source>
        <translation>维修卡</translation>
    </message>
    <message>
        <source>In/out register</source>
        <translation>进出登记</translation>
    </message>
    <message>
        <source>Customer archives</source>
        <translation>用户档案</translation>
    </message>
    <message>
        <source>Visit planning</source>
        <translation>走访计划</translation>
    </message>
    <message>
        <source>Contact register</source>
        <translation>客服登记本</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>用户投诉</translation>
    </message>
    <message>
        <source>&amp;Release…</source>
        <translation>交付取件(&amp;R)…</translation>
    </message>
    <message>
        <source>Release… (F9)</source>
        <translation>交付取件… (F9)</translation>
    </message>
    <message>
        <source>&amp;Find / scan</source>
        <translation>查找/扫描(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open job…</source>
        <translation>打开维修单(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Con&amp;tact register</source>
        <translation>客服登记本(&amp;T)</translation>
    </message>
    <message>
        <source>Complai&amp;nts</source>
        <translation>用户投诉(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About csdesk</source>
        <translation>关于 csdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>No CJK font for printing</source>
        <translation>没有可用于打印的中文字体</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation>未找到“{0}”。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0} handed back to {1}.</source>
        <translation>{0} 已交付给 {1}。</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>The job window is not available in this build.</source>
        <translation>此版本不含维修单窗口。</translation>
    </message>
    <message>
        <source>Open job</source>
        <translation>打开维修单</translation>
    </message>
    <message>
        <source>Job number, receipt, card or serial:</source>
        <translation>维修单号、收据、维修卡或序列号：</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>About csdesk</source>
        <translation>关于 csdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;csdesk&lt;/b&gt; — customer-service and after-sales desk&lt;br&gt;Intake, pickup receipts, repair cards, the workshop queue and the in/out register.</source>
        <translation>&lt;b&gt;csdesk&lt;/b&gt; — 客户服务与售后服务台&lt;br&gt;售后接待、领取收据、维修卡、维修队列及进出登记。</translation>
    </message>
</context>
<context>
    <name>NewProspectDialog</name>
    <message>
        <source>New prospect</source>
        <translation>新建潜在客户</translation>
    </message>
</context>
<context>
    <name>OverviewOnlyDialog</name>
    <message>
        <source>Customer overview row</source>
        <translation>用户情况一览表条目</translation>
    </message>
    <message>
        <source>Short name:</source>
        <translation>简称：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Credit rating:</source>
        <translation>信用等级：</translation>
    </message>
    <message>
        <source>Credit limit:</source>
        <translation>信用额度：</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>业务负责人：</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Customer since:</source>
        <translation>合作起始：</translation>
    </message>
    <message>
        <source>You see only the overview row. The whole archive is open to its keeper, the customer&apos;s responsible staff member and the manager; others ask for access with a reason and a period (§2.1.4).</source>
        <translation>您只能看到一览表中的这一行。完整档案仅供信息管理员、该客户的业务负责人和经理查阅；其他人须提交查阅申请，写明事由和期限（§2.1.4）。</translation>
    </message>
    <message>
        <source>&amp;Request access…</source>
        <translation>申请查阅(&amp;R)…</translation>
    </message>
    <message>
        <source>Your latest request (%1): %2.</source>
        <translation>您最近的申请（%1）：%2。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>PartsModel</name>
    <message>
        <source>Kind</source>
        <extracomment>One colour per state, shared by the queue and the register.</extracomment>
        <translation>类别</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Part no.</source>
        <translation>配件编号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Set a password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>at least {0} characters</source>
        <translation>至少 {0} 个字符</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The administrator set your password. Choose your own before you go on.</source>
        <translation>您的密码由系统管理员设置。请先设置您自己的密码再继续。</translation>
    </message>
</context>
<context>
    <name>PickCustomersDialog</name>
    <message>
        <source>Add customers</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Name, code, phone or pinyin initials</source>
        <translation>名称、编号、电话或拼音首字母</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Untick all</source>
        <translation>取消全选(&amp;U)</translation>
    </message>
    <message>
        <source>Add ticked</source>
        <translation>添加所选</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>only the first %1 shown; narrow the filter</source>
        <translation>仅显示前 %1 个；请缩小筛选范围</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Visit plans</source>
        <translation>走访计划</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>业务人员：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>New annual plan</source>
        <translation>新建年度计划</translation>
    </message>
    <message>
        <source>New monthly plan</source>
        <translation>新建月度计划</translation>
    </message>
    <message>
        <source>Add visit</source>
        <translation>添加走访</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Print plan</source>
        <translation>打印计划</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>No plan for this year yet: create the annual plan or a monthly one.</source>
        <translation>本年度尚无计划：请新建年度计划或月度计划。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>审批意见：%1</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Approve plan</source>
        <translation>批准计划</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>审批意见（选填）：</translation>
    </message>
    <message>
        <source>Return plan</source>
        <translation>退回计划</translation>
    </message>
    <message>
        <source>What should be changed?</source>
        <translation>需要修改哪些内容？</translation>
    </message>
    <message>
        <source>History of the plan %1</source>
        <translation>计划“%1”的历史记录</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Visit plan %1</source>
        <translation>走访计划 %1</translation>
    </message>
</context>
<context>
    <name>PlanListModel</name>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PrintBookDialog</name>
    <message>
        <source>Print the in/out register</source>
        <translation>打印用户产品进出登记本</translation>
    </message>
    <message>
        <source>The book&apos;s pages for the days from the first to the last, oldest first, one line a movement, with a column to sign in.</source>
        <translation>打印起止日期之间的登记本页面：按时间先后排列，每次进出一行，并留有签字栏。</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>截止日期(&amp;L)：</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>本月(&amp;M)</translation>
    </message>
    <message>
        <source>La&amp;st month</source>
        <translation>上月(&amp;S)</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>今天(&amp;D)</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>记录行数：</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>超过 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProspectsDialog</name>
    <message>
        <source>New customer selection</source>
        <translation>新用户选择</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Investigations</source>
        <translation>调查次数</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>&amp;New prospect…</source>
        <translation>新建潜在客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>In/Out</source>
        <translation>进/出</translation>
    </message>
    <message>
        <source>Job no.</source>
        <translation>维修单号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>随机物品</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>送取人</translation>
    </message>
    <message>
        <source>Who brought the unit in or collected it</source>
        <translation>送修或取件的人</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>The earlier row this row corrects</source>
        <translation>本行所更正的原登记行</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>In %1  ·  Out %2</source>
        <translation>进 %1  ·  出 %2</translation>
    </message>
    <message>
        <source>Voided %1</source>
        <translation>作废 %1</translation>
    </message>
    <message>
        <source>Counted over the first %1 rows found:</source>
        <translation>按找到的前 %1 行统计：</translation>
    </message>
    <message>
        <source>%1+ rows</source>
        <translation>%1+ 行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>In the &amp;shop now (%1)</source>
        <translation>当前在店(&amp;S) (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) in the shop</source>
        <translation>
            <numerusform>在店 %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>In/out register %1 to %2</source>
        <translation>用户产品进出登记本 %1 至 %2</translation>
    </message>
    <message>
        <source>In/out &amp;register</source>
        <translation>进出登记(&amp;R)</translation>
    </message>
    <message>
        <source>In the &amp;shop now</source>
        <translation>当前在店(&amp;S)</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>从(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>进/出(&amp;D)：</translation>
    </message>
    <message>
        <source>S&amp;erial:</source>
        <translation>序列号(&amp;E)：</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>客户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Correct row…</source>
        <translation>更正登记行(&amp;C)…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Print the &amp;book…</source>
        <translation>打印登记本(&amp;B)…</translation>
    </message>
    <message>
        <source>The register&apos;s pages for a range of days, to file and sign (Ctrl+P)</source>
        <translation>打印一段日期内的登记本页面，供归档和签字（Ctrl+P）</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>导出 CSV(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Hand the unit back and print the service voucher (Ctrl+Enter)</source>
        <translation>交付取件并打印服务凭证 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>No job or pickup receipt has the number {0}.</source>
        <translation>没有编号为 {0} 的维修单或领取收据。</translation>
    </message>
    <message>
        <source>Scan or type the pickup receipt of {0}</source>
        <translation>请扫描或输入 {0} 的领取收据</translation>
    </message>
    <message>
        <source>Receipt {0} belongs to job {1}, not to {2}.</source>
        <translation>收据 {0} 属于维修单 {1}，而不是 {2}。</translation>
    </message>
    <message>
        <source>Receipt {0} was voided ({1}); it cannot be used.</source>
        <translation>收据 {0} 已作废（{1}），不能使用。</translation>
    </message>
    <message>
        <source>Receipt {0} has already been used.</source>
        <translation>收据 {0} 已使用过。</translation>
    </message>
    <message>
        <source>Release {0}</source>
        <translation>交付取件 {0}</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>S/N {0}</source>
        <translation>序列号 {0}</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>随机物品</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Service kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>维修结果</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Not repaired</source>
        <translation>未修复</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>Job {0} was already handed back on {1} to {2}.</source>
        <translation>维修单 {0} 已于 {1} 交付给 {2}。</translation>
    </message>
    <message>
        <source>Job {0} is “{1}”, not ready for pickup: it cannot be handed back yet.</source>
        <translation>维修单 {0} 当前为“{1}”，还不能取件，暂时无法交付。</translation>
    </message>
    <message>
        <source>— choose the approving manager —</source>
        <translation>— 选择批准的经理 —</translation>
    </message>
    <message>
        <source>Change: ¥{0}</source>
        <translation>找零：¥{0}</translation>
    </message>
    <message>
        <source>A manager must approve a release without the receipt.</source>
        <translation>无收据交付取件须经理批准。</translation>
    </message>
    <message>
        <source>Job {0} was handed back and saved.</source>
        <translation>维修单 {0} 已交付，记录已保存。</translation>
    </message>
    <message>
        <source>Release a unit</source>
        <translation>交付取件</translation>
    </message>
    <message>
        <source>Pic&amp;kup receipt:</source>
        <translation>领取收据(&amp;K)：</translation>
    </message>
    <message>
        <source>Scan the receipt (LQ-…) or type a job number (WX-…), then Enter</source>
        <translation>扫描收据（LQ-…）或输入维修单号（WX-…），然后按 Enter</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Parts and materials:</source>
        <translation>配件及材料：</translation>
    </message>
    <message>
        <source>Labour:</source>
        <translation>工时：</translation>
    </message>
    <message>
        <source>Covered (warranty / agreement):</source>
        <translation>保修/协议承担：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Due from the customer:&lt;/b&gt;</source>
        <translation>&lt;b&gt;客户应付：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Service history of this unit</source>
        <translation>该产品的维修记录</translation>
    </message>
    <message>
        <source>Handed back</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hand back</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>&amp;Collected by:</source>
        <translation>取件人(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Payment:</source>
        <translation>付款方式(&amp;P)：</translation>
    </message>
    <message>
        <source>Receipt lost: release against an identity document, with a manager&apos;s approval</source>
        <translation>收据遗失：凭身份证件交付，须经理批准</translation>
    </message>
    <message>
        <source>Collector&apos;s &amp;ID number:</source>
        <translation>取件人证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Approved by:</source>
        <translation>批准人(&amp;A)：</translation>
    </message>
    <message>
        <source>R&amp;eason / note:</source>
        <translation>原因/备注(&amp;E)：</translation>
    </message>
    <message>
        <source>Approver&apos;s pass&amp;word:</source>
        <translation>批准人密码(&amp;W)：</translation>
    </message>
    <message>
        <source>The manager types it here</source>
        <translation>由经理在此输入</translation>
    </message>
    <message>
        <source>Receipt &amp;lost…</source>
        <translation>收据遗失(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Release (hand back)</source>
        <translation>交付取件(&amp;R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RepairCardsTab</name>
    <message>
        <source>All technicians</source>
        <translation>全部技术员</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>不限时长</translation>
    </message>
    <message>
        <source>Older than 3 days</source>
        <translation>超过 3 天</translation>
    </message>
    <message>
        <source>Older than 7 days</source>
        <translation>超过 7 天</translation>
    </message>
    <message>
        <source>Older than 14 days</source>
        <translation>超过 14 天</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>逾期 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n 张维修单</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ jobs</source>
        <translation>%1+ 个维修单</translation>
    </message>
    <message numerus="yes">
        <source>matching any of %n terms</source>
        <translation>
            <numerusform>匹配 %n 个条件中的任一个</numerusform>
        </translation>
    </message>
    <message>
        <source>not found among these jobs: %1</source>
        <translation>这些维修单中未找到：%1</translation>
    </message>
    <message>
        <source>Why? (the note is kept in each job&apos;s history)</source>
        <translation>原因？（备注将记入每张维修单的历史记录）</translation>
    </message>
    <message>
        <source>A note is required for this step.</source>
        <translation>此步骤必须填写备注。</translation>
    </message>
    <message>
        <source>Cancel the selected jobs? Their receipts and register rows are voided; this cannot be undone.</source>
        <translation>确定取消所选维修单？其收据和登记行将作废，此操作无法撤销。</translation>
    </message>
    <message>
        <source>%1: it is %2</source>
        <translation>%1：当前为 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) moved to “%1”.</source>
        <translation>
            <numerusform>已将 %n 张维修单转到“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>已跳过：</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>转到…</translation>
    </message>
</context>
<context>
    <name>RepairTab</name>
    <message>
        <source>Workshop queue</source>
        <translation>维修队列</translation>
    </message>
    <message>
        <source>Show only the jobs past their promised date</source>
        <translation>只显示超过预计取件日期的维修单</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>技术员(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>时长(&amp;A)：</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>查找(&amp;D)：</translation>
    </message>
    <message>
        <source>Job number, serial, customer or phone; paste several serials to find them all</source>
        <translation>维修单号、序列号、客户或电话；粘贴多个序列号可一次全部查找</translation>
    </message>
    <message>
        <source>Refresh (Ctrl+R)</source>
        <translation>刷新 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>转到(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Print repair cards</source>
        <translation>打印维修卡(&amp;P)</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>RequestAccessDialog</name>
    <message>
        <source>Request access to %1</source>
        <translation>申请查阅 %1 的档案</translation>
    </message>
    <message>
        <source>e.g. visit next week, need the cooperation history</source>
        <translation>例如：下周拜访，需要了解合作历史</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>事由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>期限(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>提交申请(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SamePhoneNote</name>
    <message>
        <source>and others</source>
        <translation>等</translation>
    </message>
    <message>
        <source>Already the number of %1. Check that this is not the same customer; you may still save.</source>
        <translation>该号码已登记在 %1 名下。请确认不是同一客户；仍可保存。</translation>
    </message>
</context>
<context>
    <name>SelectionDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>调查人</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调查结果</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>1 poor</source>
        <translation>1 差</translation>
    </message>
    <message>
        <source>3 fair</source>
        <translation>3 一般</translation>
    </message>
    <message>
        <source>5 excellent</source>
        <translation>5 优秀</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New customer selection: %1</source>
        <translation>新用户选择：%1</translation>
    </message>
    <message>
        <source>Decided: %1.</source>
        <translation>已决定：%1。</translation>
    </message>
    <message>
        <source>at least one investigation</source>
        <translation>至少一次调查</translation>
    </message>
    <message>
        <source>scores for: %1</source>
        <translation>以下标准的评分：%1</translation>
    </message>
    <message>
        <source>Before the decision: %1.</source>
        <translation>作出决定前尚需：%1。</translation>
    </message>
    <message>
        <source>Everything needed for the decision is recorded.</source>
        <translation>作出决定所需的内容均已登记。</translation>
    </message>
    <message>
        <source>The manager decides.</source>
        <translation>由经理作出决定。</translation>
    </message>
    <message>
        <source>&amp;Investigations</source>
        <translation>调查(&amp;I)</translation>
    </message>
    <message>
        <source>Record an investigation (§2.2.1)</source>
        <translation>登记调查（§2.2.1）</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>In&amp;vestigator:</source>
        <translation>调查人(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation>调查结果(&amp;F)：</translation>
    </message>
    <message>
        <source>Add inve&amp;stigation</source>
        <translation>添加调查(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <source>Score each criterion of §2.2.2 from 1 (poor) to 5 (excellent); a new score replaces the earlier one.</source>
        <translation>按 §2.2.2 的各项标准评分，1（差）至 5（优秀）；新的评分将替换之前的评分。</translation>
    </message>
    <message>
        <source>&amp;Save assessment</source>
        <translation>保存评估(&amp;S)</translation>
    </message>
    <message>
        <source>D&amp;ecision</source>
        <translation>决定(&amp;E)</translation>
    </message>
    <message>
        <source>The manager&apos;s decision (§2.2.3)</source>
        <translation>经理的决定（§2.2.3）</translation>
    </message>
    <message>
        <source>A&amp;pprove: archive as a customer</source>
        <translation>批准：作为客户建档(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Reas&amp;on:</source>
        <translation>原因(&amp;O)：</translation>
    </message>
    <message>
        <source>Record the &amp;decision</source>
        <translation>登记决定(&amp;D)</translation>
    </message>
    <message>
        <source>Decisions and status changes:</source>
        <translation>决定及状态变更：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>80 mm roll</source>
        <translation>80 mm 卷纸</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>This station only. A document kind without a printer asks once, at its first print, which printer to use (the system default chosen) and remembers it here.</source>
        <translation>仅对本机有效。尚未指定打印机的单据类型，在第一次打印时会询问一次使用哪台打印机（默认选中系统默认打印机），并记在这里。</translation>
    </message>
    <message>
        <source>(none: asked at the first print)</source>
        <translation>（未指定：第一次打印时询问）</translation>
    </message>
    <message>
        <source>Shared by every station on this database. Once a day csdesk copies this database into {0} and deletes the copies older than this; Off makes no copies. A copy is restored with csdesk db restore FILE, or opened as it is.</source>
        <translation>本数据库的所有工作站共用此设置。csdesk 每天将本数据库复制一份到 {0}，并删除超过保留天数的副本；选择“关闭”则不复制。副本可用 csdesk db restore 文件 恢复，也可直接打开。</translation>
    </message>
    <message>
        <source>This database is on a server: its administrator backs it up (csdesk db backup FILE from a scheduled task, or the server&apos;s own tools). The daily copy is made for SQLite databases only.</source>
        <translation>本数据库位于服务器上，由服务器管理员负责备份（用计划任务运行 csdesk db backup 文件，或使用服务器自带的工具）。每日自动备份只适用于 SQLite 数据库。</translation>
    </message>
    <message>
        <source>No printers</source>
        <translation>没有打印机</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Documents open in the preview, where they can be saved as PDF.</source>
        <translation>本机未安装打印机。文档将在打印预览中打开，可在其中另存为 PDF。</translation>
    </message>
    <message>
        <source>Choose a printer</source>
        <translation>选择打印机</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>打印机：</translation>
    </message>
    <message>
        <source>Chinese TrueType font</source>
        <translation>中文 TrueType 字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This font cannot be used: {0}</source>
        <translation>无法使用该字体：{0}</translation>
    </message>
    <message>
        <source>Printing with: {0}</source>
        <translation>打印字体：{0}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>公司(&amp;C)</translation>
    </message>
    <message>
        <source>Shared by every station on this database; printed on receipts, cards and vouchers.</source>
        <translation>使用此数据库的所有工作站共用；打印在收据、维修卡和服务凭证上。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Pickup &amp;terms
(one per line):</source>
        <translation>取件须知(&amp;T)
（每行一条）：</translation>
    </message>
    <message>
        <source>&amp;Printing</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>This station only. A document kind without a printer opens the preview, where you can choose one.</source>
        <translation>仅对本工作站有效。未指定打印机的单据将在打印预览中打开，可在其中选择打印机。</translation>
    </message>
    <message>
        <source>&amp;Receipt printer:</source>
        <translation>收据打印机(&amp;R)：</translation>
    </message>
    <message>
        <source>(none: preview)</source>
        <translation>（无：打印预览）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Repair card prin&amp;ter:</source>
        <translation>维修卡打印机(&amp;T)：</translation>
    </message>
    <message>
        <source>Rece&amp;ipt paper:</source>
        <translation>收据纸张(&amp;I)：</translation>
    </message>
    <message>
        <source>Printed lan&amp;guage:</source>
        <translation>打印语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Pro&amp;mised in:</source>
        <translation>预计取件期限(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Voucher printer:</source>
        <translation>凭证打印机(&amp;V)：</translation>
    </message>
    <message>
        <source>Receipt c&amp;opies:</source>
        <translation>收据份数(&amp;O)：</translation>
    </message>
    <message>
        <source>Voucher pap&amp;er:</source>
        <translation>凭证纸张(&amp;E)：</translation>
    </message>
    <message>
        <source>Print the repair cards when an intake is saved</source>
        <translation>保存售后接待时打印维修卡</translation>
    </message>
    <message>
        <source>Chinese &amp;font file:</source>
        <translation>中文字体文件(&amp;F)：</translation>
    </message>
    <message>
        <source>(found automatically)</source>
        <translation>（自动查找）</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language of the &amp;screens:</source>
        <translation>界面语言(&amp;S)：</translation>
    </message>
    <message>
        <source>A change applies when csdesk is started again.</source>
        <translation>更改将在 csdesk 重新启动后生效。</translation>
    </message>
    <message>
        <source>Counter &amp;defaults</source>
        <translation>前台默认值(&amp;D)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>The promised date an intake starts with (shared by every station).</source>
        <translation>售后接待时预计取件日期的默认值（所有工作站共用）。</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Keep daily backups for:</source>
        <translation>每日备份保留(&amp;K)：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — csdesk</source>
        <translation>登录 — csdesk</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Complaint statistics</source>
        <translation>用户投诉统计</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>By cause</source>
        <translation>按原因</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>按投诉方式</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>按严重程度</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按产品</translation>
    </message>
    <message>
        <source>By staff member</source>
        <translation>按被投诉人员</translation>
    </message>
    <message>
        <source>By state</source>
        <translation>按处理状态</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>受理：%1 件</translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation>已结案：%1 件</translation>
    </message>
    <message>
        <source>closed on time: %1</source>
        <translation>按期结案率：%1</translation>
    </message>
    <message>
        <source>reopened: %1</source>
        <translation>重新处理比例：%1</translation>
    </message>
    <message>
        <source>overdue now: %1</source>
        <translation>目前逾期：%1 件</translation>
    </message>
    <message>
        <source>average to first contact: %1 h</source>
        <translation>平均首次联系用时：%1 小时</translation>
    </message>
    <message>
        <source>average to close: %1 days</source>
        <translation>平均结案用时：%1 天</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>未查明</translation>
    </message>
    <message>
        <source>Complaint statistics %1 to %2</source>
        <translation>用户投诉统计 %1 至 %2</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Satisfaction survey</source>
        <translation>用户满意度调查表</translation>
    </message>
    <message>
        <source>Edit satisfaction survey</source>
        <translation>修改用户满意度调查表</translation>
    </message>
    <message>
        <source>Name, code, phone or initials; Enter picks</source>
        <translation>名称、编号、电话或拼音首字母；按 Enter 选择</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>填表人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>收回日期</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Handed out by</source>
        <translation>发放人</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Scores: 1 very dissatisfied … 5 very satisfied; 0 or Space: not applicable. The cursor moves to the next question.</source>
        <translation>评分：1 很不满意 … 5 很满意；0 或空格：不适用。光标将自动移到下一题。</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Average: %1 (%2 scored answers)</source>
        <translation>平均分：%1（%2 项已评分）</translation>
    </message>
</context>
<context>
    <name>SurveyResultsDialog</name>
    <message>
        <source>Satisfaction survey results</source>
        <extracomment>The bands of an average, as the printed summary draws them: (band, brush pattern, colour, label colour). The patterns tell them apart without colour (a colour-blind eye, a grey screenshot); the legend names them.</extracomment>
        <translation>满意度调查结果</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation>打印汇总…</translation>
    </message>
    <message>
        <source>Print the results summary (Ctrl+P)</source>
        <translation>打印结果汇总 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Average per question (1-5)</source>
        <translation>各题平均分（1-5）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Share of answers scored 4 or 5</source>
        <translation>评分为 4 或 5 的回答所占比例</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>调查份数</translation>
    </message>
    <message>
        <source>Last returned</source>
        <translation>最近回收</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>回收日期</translation>
    </message>
    <message>
        <source>Low items</source>
        <translation>低分题</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Questions (lowest first)</source>
        <translation>各题（低分在前）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Low-score comments</source>
        <translation>低分意见</translation>
    </message>
    <message>
        <source>%1 surveys, %2 scored answers, average %3, satisfied (4-5) %4</source>
        <translation>%1 份调查表，%2 个评分回答，平均分 %3，满意率（4-5 分）%4</translation>
    </message>
    <message>
        <source>Below 3</source>
        <translation>3 分以下</translation>
    </message>
    <message>
        <source>3 to 4</source>
        <translation>3 至 4 分</translation>
    </message>
    <message>
        <source>4 and over</source>
        <translation>4 分及以上</translation>
    </message>
    <message>
        <source>Average per month</source>
        <translation>月平均分</translation>
    </message>
    <message>
        <source>Average per quarter</source>
        <translation>季度平均分</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Number, customer, respondent</source>
        <translation>编号、客户、填表人</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部业务人员</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>回收日期</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Handed out by</source>
        <translation>发放人</translation>
    </message>
    <message>
        <source>Enter returned survey…</source>
        <translation>录入回收的调查表…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Print blank form</source>
        <translation>打印空白表</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Print for customer…</source>
        <translation>为客户打印…</translation>
    </message>
    <message>
        <source>Results…</source>
        <translation>统计结果…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>填表人</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>%1 surveys</source>
        <translation>%1 份调查表</translation>
    </message>
    <message>
        <source>Delete survey</source>
        <translation>删除调查表</translation>
    </message>
    <message>
        <source>Delete survey %1 of %2?</source>
        <translation>确定删除 %2 的调查表 %1？</translation>
    </message>
    <message>
        <source>Satisfaction survey form</source>
        <translation>用户满意度调查表</translation>
    </message>
</context>
<context>
    <name>TotalsDialog</name>
    <message>
        <source>Gifts given: totals</source>
        <translation>礼品发放汇总</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请数</translation>
    </message>
    <message>
        <source>Value given</source>
        <translation>发放金额</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Per customer</source>
        <translation>按客户</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Value given in the period</source>
        <translation>期间发放金额</translation>
    </message>
</context>
<context>
    <name>UnitView</name>
    <message>
        <source>Unit</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>New serial number: choose the product and the sale date.</source>
        <translation>新序列号：请选择产品并填写销售日期。</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Sold on</source>
        <translation>销售日期</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Warranty until</source>
        <translation>保修截止</translation>
    </message>
    <message>
        <source>Service kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Previous jobs</source>
        <translation>以往维修单</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>Set &amp;role…</source>
        <translation>设置角色(&amp;R)…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong password(s), waits until {0}</source>
        <translation>
            <numerusform>已输错 %n 次密码，须等到 {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>no password yet</source>
        <translation>尚未设置密码</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong password(s)</source>
        <translation>
            <numerusform>已输错 %n 次密码</numerusform>
        </translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <source>Role of {0}:</source>
        <translation>{0} 的角色：</translation>
    </message>
    <message>
        <source>A new password for {0}. Tell it to {0}, who must choose his own at the next sign-in. This also unlocks the account.</source>
        <translation>为 {0} 设置新密码。请将其告知 {0}，{0} 下次登录时须设置自己的密码。此操作同时会解锁该账户。</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>业务人员</translation>
    </message>
    <message>
        <source>Name, phone, code or pinyin initials</source>
        <translation>名称、电话、编号或拼音首字母</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Fixed day</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>陪同经理</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>走访目的</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>走访汇报</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Main gains</source>
        <translation>主要收获</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>用户反应意见</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>改善提议</translation>
    </message>
    <message>
        <source>A complaint the customer made, if any</source>
        <translation>客户提出的投诉（如有）</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印汇报</translation>
    </message>
    <message>
        <source>With the manager (§3.4):</source>
        <translation>经理陪同（§3.4）：</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <source>Visit %1</source>
        <translation>走访 %1</translation>
    </message>
    <message>
        <source>Record as done</source>
        <translation>登记为已完成</translation>
    </message>
    <message>
        <source>Visit report (form 4)</source>
        <translation>走访用户汇报（附表4）</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
</context>
<context>
    <name>VisitListModel</name>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <source>M: with the manager (§3.4)</source>
        <translation>M：经理陪同走访（§3.4）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>走访目的</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>业务人员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>陪同经理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Visit report %1</source>
        <translation>走访汇报 %1</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>业务人员：</translation>
    </message>
    <message>
        <source>Previous month (Alt+Left)</source>
        <translation>上个月 (Alt+Left)</translation>
    </message>
    <message>
        <source>Next month (Alt+Right)</source>
        <translation>下个月 (Alt+Right)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>填写汇报</translation>
    </message>
    <message>
        <source>Carry forward</source>
        <translation>顺延</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>取消走访</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印汇报</translation>
    </message>
    <message>
        <source>Plans...</source>
        <translation>走访计划…</translation>
    </message>
    <message>
        <source>New visit (Ctrl+N)</source>
        <translation>新建走访 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Completion this month</source>
        <translation>本月完成情况</translation>
    </message>
    <message>
        <source>Whole month</source>
        <translation>显示全月</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部业务人员</translation>
    </message>
    <message>
        <source>Visits on %1: %2</source>
        <translation>%1 的走访：%2</translation>
    </message>
    <message>
        <source>Visits of %1: %2</source>
        <translation>%1 的走访：%2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Carry visit %1 to the month:</source>
        <translation>将走访 %1 顺延至以下月份：</translation>
    </message>
    <message>
        <source>Why is visit %1 cancelled?</source>
        <translation>为什么取消走访 %1？</translation>
    </message>
</context>
<context>
    <name>WaitingDialog</name>
    <message>
        <source>Waiting to become complaints</source>
        <translation>待立案的投诉</translation>
    </message>
    <message>
        <source>Contact line</source>
        <translation>客服登记</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>走访报告</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调查表</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>没有待立案的投诉。</translation>
    </message>
    <message>
        <source>&amp;Receive as a complaint…</source>
        <translation>立为投诉(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>_ComplaintsPanel</name>
    <message>
        <source>Complaints (%1)</source>
        <translation>用户投诉（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) you may see</source>
        <translation>
            <numerusform>可查看的投诉共 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 件逾期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>Cannot open the database</source>
        <extracomment>UI fonts with Chinese glyphs, by preference (Windows, macOS, Linux).</extracomment>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>csdesk cannot open the database
{0}</source>
        <translation>csdesk 无法打开数据库
{0}</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Open an SQLite &amp;file…</source>
        <translation>打开 SQLite 文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Server &amp;URL…</source>
        <translation>服务器 URL(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Open a csdesk database</source>
        <translation>打开 csdesk 数据库</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Database server</source>
        <translation>数据库服务器</translation>
    </message>
    <message>
        <source>postgresql://user:password@host/dbname or mysql://…</source>
        <translation>postgresql://用户名:密码@主机/数据库名 或 mysql://…</translation>
    </message>
</context>
<context>
    <name>customer_models</name>
    <message>
        <source>Asked</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>customer status</comment>
        <translation>正常</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>未入选</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>开票</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>待批</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Refused</source>
        <comment>access request</comment>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>已查看</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Read the change history</source>
        <translation>查阅变更记录</translation>
    </message>
    <message>
        <source>Viewed units and jobs</source>
        <translation>查看产品与维修单</translation>
    </message>
    <message>
        <source>Viewed visits and service</source>
        <translation>查看走访与服务记录</translation>
    </message>
    <message>
        <source>Refused (no access)</source>
        <translation>已拒绝（无权查阅）</translation>
    </message>
    <message>
        <source>General</source>
        <translation>通常调查</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>实地调查</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Refused</source>
        <comment>prospect decision</comment>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Business content</source>
        <translation>经营内容</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Credit rating</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>合作起始</translation>
    </message>
    <message>
        <source>Annual volume</source>
        <translation>年交易额</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <source>Responsible staff</source>
        <translation>业务负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>新增%1</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Credit rating (A-D)</source>
        <translation>信用等级（A–D）</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>业务负责人</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>合作起始</translation>
    </message>
    <message>
        <source>Customer since (合作起始)</source>
        <translation>合作起始日期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>（系统）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>(the overview)</source>
        <translation>（一览表）</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>To investigate</source>
        <translation>待调查</translation>
    </message>
    <message>
        <source>Assessing: %1 of %2 criteria</source>
        <translation>评估中：已评 %1/%2 项标准</translation>
    </message>
    <message>
        <source>Ready for the decision</source>
        <translation>待决定</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Export to CSV</source>
        <extracomment>A CSV cell as every export writes it (see :func:`app.domain.core.sheets.csv_cell`).</extracomment>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>Excel CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>无法写入该文件。</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>%n row(s) written to %1.</source>
        <translation>已将 %n 行写入 %1。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Diagnosing</source>
        <translation>检测中</translation>
    </message>
    <message>
        <source>Waiting for parts</source>
        <translation>待料</translation>
    </message>
    <message>
        <source>Repairing</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待取件</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Returned unrepaired</source>
        <translation>未修退回</translation>
    </message>
    <message>
        <source>S&amp;tart diagnosis</source>
        <translation>开始检测(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Wait for parts</source>
        <translation>等待配件(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;tart repair</source>
        <translation>开始维修(&amp;T)</translation>
    </message>
    <message>
        <source>Repair &amp;finished</source>
        <translation>维修完成(&amp;F)</translation>
    </message>
    <message>
        <source>Ready for pick&amp;up</source>
        <translation>可取件(&amp;U)</translation>
    </message>
    <message>
        <source>Return &amp;unrepaired</source>
        <translation>未修退回(&amp;U)</translation>
    </message>
    <message>
        <source>Re&amp;work</source>
        <translation>返修(&amp;W)</translation>
    </message>
    <message>
        <source>Start diagnosis</source>
        <translation>开始检测</translation>
    </message>
    <message>
        <source>Wait for parts</source>
        <translation>待料</translation>
    </message>
    <message>
        <source>Start repair</source>
        <translation>开始维修</translation>
    </message>
    <message>
        <source>Repair finished</source>
        <translation>维修完成</translation>
    </message>
    <message>
        <source>Return unrepaired</source>
        <translation>未修退回</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>返修</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>取消维修单</translation>
    </message>
    <message>
        <source>Free (warranty)</source>
        <translation>无偿(保修)</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>有偿</translation>
    </message>
    <message>
        <source>in warranty</source>
        <translation>在保修期内</translation>
    </message>
    <message>
        <source>covered by a maintenance agreement</source>
        <translation>在维修协议范围内</translation>
    </message>
    <message>
        <source>warranty expired</source>
        <translation>已过保修期</translation>
    </message>
    <message>
        <source>sale date unknown</source>
        <translation>销售日期未知</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Retailer</source>
        <translation>零售商</translation>
    </message>
    <message>
        <source>Commissioned agent</source>
        <translation>委托代理商</translation>
    </message>
    <message>
        <source>End user</source>
        <translation>终端用户</translation>
    </message>
    <message>
        <source>In</source>
        <translation>进</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>On account</source>
        <translation>记账</translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>State changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation>已通知客户</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Part added</source>
        <translation>添加配件</translation>
    </message>
    <message>
        <source>Part removed</source>
        <translation>删除配件</translation>
    </message>
    <message>
        <source>Labour added</source>
        <translation>添加工时</translation>
    </message>
    <message>
        <source>Labour removed</source>
        <translation>删除工时</translation>
    </message>
    <message>
        <source>Service kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Lost receipt</source>
        <translation>收据遗失</translation>
    </message>
    <message>
        <source>Receipt reissued</source>
        <translation>补发收据</translation>
    </message>
    <message>
        <source>Owner changed</source>
        <translation>所有人变更</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Information manager</source>
        <translation>信息管理员</translation>
    </message>
    <message>
        <source>Counter staff</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Business staff</source>
        <translation>业务人员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Please check</source>
        <translation>请检查</translation>
    </message>
    <message>
        <source>Changed at another station</source>
        <translation>已在其他工作站修改</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行该操作</translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation>数据库不可用</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>The action failed and nothing was saved.</source>
        <translation>操作失败，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>print_service</name>
    <message>
        <source>Pickup receipt</source>
        <translation>用户产品领取收据</translation>
    </message>
    <message>
        <source>Repair cards</source>
        <translation>维修卡</translation>
    </message>
    <message>
        <source>Service voucher</source>
        <translation>服务凭证</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <source>The document is empty or not a PDF.</source>
        <translation>文档为空或不是 PDF。</translation>
    </message>
    <message>
        <source>The printer {0} cannot be opened.</source>
        <translation>无法打开打印机 {0}。</translation>
    </message>
    <message>
        <source>The PDF cannot be written to {0}: {1}</source>
        <translation>无法把 PDF 写入 {0}：{1}</translation>
    </message>
    <message>
        <source>The printer {0} did not take the document: {1}</source>
        <translation>打印机 {0} 未接受该文档：{1}</translation>
    </message>
    <message>
        <source>Print: {0}</source>
        <translation>打印：{0}</translation>
    </message>
    <message>
        <source>Preview: {0}</source>
        <translation>打印预览：{0}</translation>
    </message>
    <message>
        <source>The preview needs the PySide6 QtPdf module; save the PDF instead.</source>
        <translation>打印预览需要 PySide6 QtPdf 模块；请改为保存 PDF。</translation>
    </message>
    <message>
        <source>{0} — {1} page(s)</source>
        <translation>{0} — 共 {1} 页</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>pickup receipt</source>
        <translation>领取收据</translation>
    </message>
    <message>
        <source>repair cards</source>
        <translation>维修卡</translation>
    </message>
    <message>
        <source>service voucher</source>
        <translation>服务凭证</translation>
    </message>
    <message>
        <source>Printing the {0} failed: {1}</source>
        <translation>{0}打印失败：{1}</translation>
    </message>
    <message>
        <source>Saved, not printed</source>
        <translation>已保存，未打印</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>You can also print it later from the job (open the job, then Print).</source>
        <translation>也可以稍后在维修单中补打（打开维修单，点击相应的打印按钮）。</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后再打</translation>
    </message>
</context>
<context>
    <name>survey</name>
    <message>
        <source>N/A</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
</context>
</TS>
