<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Name is required.</source>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <source>Phone should be digits, e.g. 13800138000 or 010-62888899.</source>
        <translation>电话应为数字，例如 13800138000 或 010-62888899。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择客户类别。</translation>
    </message>
    <message>
        <source>The database URL names no database: {url}</source>
        <extracomment>How long SQLite waits for another station&apos;s write lock (ms).</extracomment>
        <translation>数据库 URL 中未指定数据库：{url}</translation>
    </message>
    <message>
        <source>Unsupported database URL: {url} (use sqlite:///path, postgresql://... or mysql://...)</source>
        <translation>不支持的数据库 URL：{url}（请使用 sqlite:///路径、postgresql://... 或 mysql://...）</translation>
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
        <source>Warranty months between 0 and 240.</source>
        <translation>保修期应在 0 至 240 个月之间。</translation>
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
        <source>This serial number was just registered at another station; press Enter in the serial field to load it, then save again.</source>
        <translation>该序列号刚刚已在其他工作站登记；请在序列号栏中按 Enter 载入，然后重新保存。</translation>
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
        <extracomment>States in which the technician may still record work. action -&gt; (allowed from-states, to-state, note required) Actions that need their own service (they write more than the job).</extracomment>
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
        <source>A voiding row cannot itself be corrected.</source>
        <translation>作废行本身不能再更正。</translation>
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
        <source>¥{due} is due; ¥{amount} was entered.</source>
        <translation>应收 ¥{due}，但录入的是 ¥{amount}。</translation>
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
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>unknown role &apos;{role}&apos;</source>
        <translation>未知角色“{role}”</translation>
    </message>
    <message>
        <source>already taken</source>
        <translation>已被占用</translation>
    </message>
    <message>
        <source>{action} needs a manager&apos;s approval.</source>
        <translation>“{action}”须经理批准。</translation>
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
        <translation>无需查阅申请即可查看所有档案（档案保管人）</translation>
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
        <source>add users, set roles, reset passwords, unlock accounts</source>
        <translation>添加用户、设置角色、重置密码、解锁账户</translation>
    </message>
    <message>
        <source>change the company settings shared by every station</source>
        <translation>更改各工作站共用的公司设置</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {what}.</source>
        <translation>{user}（{role}）无权{what}。</translation>
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
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>e.g. 13800138000 or 010-62888899</source>
        <translation>例如 13800138000 或 010-62888899</translation>
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
        <extracomment>One colour per state, shared by the queue and the register. The usual next step from each state: its button comes first, in bold.</extracomment>
        <translation>已通知客户</translation>
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
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
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
        <source>&amp;Serial number:</source>
        <translation>序列号(&amp;S)：</translation>
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
        <source>F&amp;ault (as the customer says):</source>
        <translation>故障（客户描述）(&amp;A)：</translation>
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
        <source>Unit</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>New serial number: choose the product and the sale date.</source>
        <translation>新序列号：请选择产品并填写销售日期。</translation>
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
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Sold on</source>
        <translation>销售日期</translation>
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
    <message>
        <source>Note: this unit is recorded as {0}&apos;s.</source>
        <translation>注意：该产品登记的所有人是 {0}。</translation>
    </message>
    <message>
        <source>{0} (by the rules)</source>
        <translation>{0}（按规定）</translation>
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
        <source>{0} saved, receipt {1} printed.</source>
        <translation>{0} 已保存，收据 {1} 已打印。</translation>
    </message>
    <message>
        <source>{0} saved, receipt {1} NOT printed: print it from the job.</source>
        <translation>{0} 已保存，但收据 {1} 未打印：请在维修单中打印。</translation>
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
        <translation>配件</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
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
    <message>
        <source>Rate</source>
        <translation>费率</translation>
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
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
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
        <source>Hand back to the customer…</source>
        <translation>交付取件…</translation>
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
        <source>&amp;Remove selected</source>
        <translation>删除所选(&amp;R)</translation>
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
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <source>R&amp;emove selected</source>
        <translation>删除所选(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Charges</source>
        <translation>费用(&amp;C)</translation>
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
    <name>MainWindow</name>
    <message>
        <source>csdesk — After-sales service counter</source>
        <translation>csdesk — 售后服务前台</translation>
    </message>
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
        <source>&amp;Release… (F9)</source>
        <translation>交付取件(&amp;R)… (F9)</translation>
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
        <source>Switch &amp;operator…</source>
        <translation>切换操作员(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>维修单(&amp;J)</translation>
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
        <source>Operator: {0}</source>
        <translation>操作员：{0}</translation>
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
        <source>About csdesk</source>
        <translation>关于 csdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;csdesk&lt;/b&gt; — customer-service and after-sales desk&lt;br&gt;Intake, pickup receipts, repair cards, the workshop queue and the in/out register.</source>
        <translation>&lt;b&gt;csdesk&lt;/b&gt; — 客户服务与售后服务台&lt;br&gt;售后接待、领取收据、维修卡、维修队列及进出登记。</translation>
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
        <source>In/out &amp;register</source>
        <translation>进出登记(&amp;R)</translation>
    </message>
    <message>
        <source>In the &amp;shop now</source>
        <translation>当前在店(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
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
        <source>Export CS&amp;V…</source>
        <translation>导出 CSV(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
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
        <source>A manager must approve a release without the receipt.</source>
        <translation>无收据交付取件须经理批准。</translation>
    </message>
    <message>
        <source>Release a unit</source>
        <translation>交付取件</translation>
    </message>
    <message>
        <source>Pickup &amp;receipt:</source>
        <translation>领取收据(&amp;R)：</translation>
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
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
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
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
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
        <source>Repair &amp;card printer:</source>
        <translation>维修卡打印机(&amp;C)：</translation>
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
        <source>Receipt &amp;paper:</source>
        <translation>收据纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>Voucher pap&amp;er:</source>
        <translation>凭证纸张(&amp;E)：</translation>
    </message>
    <message>
        <source>Printed &amp;language:</source>
        <translation>打印语言(&amp;L)：</translation>
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
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
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
        <source>&amp;Promised in:</source>
        <translation>预计取件期限(&amp;P)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>The promised date an intake starts with (shared by every station).</source>
        <translation>售后接待时预计取件日期的默认值（所有工作站共用）。</translation>
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
    <name>export</name>
    <message>
        <source>Export to CSV</source>
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
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 行写入 %1。</numerusform>
        </translation>
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
        <source>Administrator</source>
        <translation>管理员</translation>
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
        <translation>维修技术员</translation>
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
        <source>The database cannot be reached; nothing was saved. Check the network or the server and try again.</source>
        <translation>无法连接数据库，未保存任何内容。请检查网络或服务器后重试。</translation>
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
    <name>widgets</name>
    <message>
        <source>Operator at this station</source>
        <translation>本工作站操作员</translation>
    </message>
    <message>
        <source>Who is working at this station?</source>
        <translation>当前是谁在本工作站操作？</translation>
    </message>
</context>
</TS>
