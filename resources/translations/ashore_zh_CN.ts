<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../src/ashore/ui/dialogs.py" line="+41"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <location line="+31"/>
        <source>Ashore</source>
        <translation>Ashore</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Ashore cannot open your data</source>
        <translation>Ashore 无法打开你的数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your data lives in {folder}. Nothing was changed. You can open the folder, move the file aside or restore a backup, then start Ashore again.</source>
        <translation>你的数据保存在 {folder}，没有做任何改动。你可以打开该文件夹，把文件移到别处或恢复一个备份，然后重新启动 Ashore。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+147"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Something went wrong inside Ashore: {summary}</source>
        <translation>Ashore 内部出错：{summary}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The details were written to {log}.</source>
        <translation>详细信息已写入 {log}。</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>About Ashore</source>
        <translation>关于 Ashore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Ashore {version}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ashore {version}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Negotiate overdue online loans, keep the evidence, and pay the new plan on time.

Your data lives in:
{folder}</source>
        <translation>协商逾期网贷，保存证据，按新的还款计划按时还款。

你的数据保存在：
{folder}</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/guide/after.py" line="+42"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proposed to the lender</source>
        <translation>已向出借方提出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the lender countered</source>
        <translation>出借方提出了反方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted — the agreement</source>
        <translation>已接受——即协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/guide/card.py" line="+48"/>
        <source>I lost my job</source>
        <translation>我失业了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I fell seriously ill</source>
        <translation>我得了重病</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A serious event hit my family</source>
        <translation>我家里发生了重大变故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My income fell sharply</source>
        <translation>我的收入大幅下降</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A disaster struck my home</source>
        <translation>我家遭遇了灾害</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something outside my control happened</source>
        <translation>发生了我无法控制的情况</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/guide/names.py" line="+19"/>
        <source>No negotiation yet</source>
        <translation>尚未协商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In contact</source>
        <translation>已联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer on the table</source>
        <translation>方案已提出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repaying</source>
        <translation>还款中</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ashore/ui/loan/sidebar.py" line="+86"/>
        <source>Settled</source>
        <translation>已结清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit record checked</source>
        <translation>已核查征信</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose why you fell behind and what you can pay each month.</source>
        <translation>选择逾期的原因，以及你每月能还多少。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish the checklist, then call the lender with the call card open.</source>
        <translation>完成清单，然后打开通话卡片给出借方打电话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put a concrete plan to the lender: choose a proposal and mark it proposed.</source>
        <translation>向出借方提出具体方案：选择一个方案并标记为“已提出”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait for the answer; on the follow-up date call again and ask for it in writing.</source>
        <translation>等待答复；到跟进日期再打电话，并要求书面确认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the first agreed payment on time; a second default can void the agreement.</source>
        <translation>按时还上协议的第一期；再次违约可能导致协议作废。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pay every agreed installment on its date, and keep the receipts.</source>
        <translation>每一期都按约定日期还款，并保留还款凭证。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check your credit report shows the overdue cleared, and record what it says.</source>
        <translation>查看征信报告是否显示逾期已结清，并记录结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: keep the agreement, the receipts and the report in a safe place.</source>
        <translation>完成：把协议、还款凭证和征信报告妥善保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This loan is paid on time; keep it that way.</source>
        <translation>这笔借款按时还款，请继续保持。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An agreed payment was missed: pay it now and call the lender before they do.</source>
        <translation>错过了一期约定还款：请立即还上，并在出借方联系你之前主动致电。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job loss</source>
        <translation>失业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Illness</source>
        <translation>疾病</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family event</source>
        <translation>家庭变故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Income drop</source>
        <translation>收入下降</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disaster</source>
        <translation>灾害</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ashore/ui/notes/formatting.py" line="+27"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unemployment proof</source>
        <translation>失业证明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical records</source>
        <translation>病历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Income statement</source>
        <translation>收入证明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other document</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue cleared</source>
        <translation>逾期已结清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still shows overdue</source>
        <translation>仍显示逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not updated yet</source>
        <translation>尚未更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something else</source>
        <translation>其他情况</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/loan/form.py" line="+121"/>
        <source>Equal installments: the same payment every month</source>
        <translation>等额本息：每月还款额相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equal principal: payments fall month by month</source>
        <translation>等额本金：每月还款额逐月递减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interest first: interest monthly, principal at the end</source>
        <translation>先息后本：每月还息，到期还本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All at the end: principal and interest in one payment</source>
        <translation>到期一次性还本付息</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/dialogs.py" line="+23"/>
        <source>Delete note</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The note stays in the record, marked deleted with your reason.
Why delete {what}?</source>
        <translation>该记录仍会保留在档案中，标记为已删除并附上你的理由。
为什么删除 {what}？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the call note you are writing?</source>
        <translation>要保存正在写的沟通记录吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the {n} call notes you are writing?</source>
        <translation>要保存正在写的 {n} 条沟通记录吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsaved note</source>
        <translation>记录未保存</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>If you discard it, what you typed and the files you picked go.</source>
        <translation>如果放弃，已输入的内容和选好的文件都会丢失。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Recordings (%1)</source>
        <translation>录音 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screenshots and documents (%1)</source>
        <translation>截图和文件 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evidence (%1)</source>
        <translation>证据 (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach a recording</source>
        <translation>附上录音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach screenshots or documents</source>
        <translation>附上截图或文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Chinese (简体中文)</source>
        <translation>中文（简体中文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send the complaint to</source>
        <translation>投诉提交至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it in</source>
        <translation>投诉书语言</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Choose where to save…</source>
        <translation>选择保存位置…</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>The regulator&apos;s hotlines read complaints in Chinese, so it is written in Chinese. Choose English for a copy you can read yourself.</source>
        <translation>监管热线受理中文投诉，所以投诉书用中文写。如需自己看懂的副本，可选英文。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Written in English, for you to read. The regulator&apos;s hotlines read complaints in Chinese: send them the Chinese one.</source>
        <translation>用英文写，供你自己阅读。监管热线受理中文投诉：提交时请用中文版。</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Export evidence bundle</source>
        <translation>导出证据包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zip archive (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>12378 — the financial regulator (NFRA), for lenders and their collectors</source>
        <translation>12378 — 国家金融监督管理总局（针对出借机构及其催收）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>12363 — the central bank (PBOC), for credit reporting and payments</source>
        <translation>12363 — 中国人民银行（针对征信和支付）</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Export complaint</source>
        <translation>导出投诉书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/notes/formatting.py" line="-6"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App chat</source>
        <translation>App 在线客服</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/loan/sidebar.py" line="-5"/>
        <source>Overdue %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>协议中</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/guide/names.py" line="-57"/>
        <location filename="../../src/ashore/ui/loan/sidebar.py" line="+1"/>
        <source>Agreement missed</source>
        <translation>协议违约</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/widgets/workspace.py" line="+65"/>
        <source>Spread over more months</source>
        <translation>延长分期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smaller monthly payment</source>
        <translation>降低月供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waive fees, pay once</source>
        <translation>减免费用，一次性结清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settle with one payment</source>
        <translation>一次性结清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment holiday, then installments</source>
        <translation>先延期还款，再分期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lender&apos;s own list</source>
        <translation>出借方自己的计划</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>More months</source>
        <translation>延长分期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower payment</source>
        <translation>降低月供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees waived</source>
        <translation>减免费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One payment</source>
        <translation>一次结清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holiday first</source>
        <translation>先延期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lender&apos;s list</source>
        <translation>出借方计划</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed</source>
        <translation>已提出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countered</source>
        <translation>对方还价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly paid</source>
        <translation>部分已还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>待还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced by the agreement</source>
        <translation>已被协议取代</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>If the agreement fails</source>
        <translation>协议失效时应还</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Original schedule, paying all overdue now</source>
        <translation>按原还款计划（逾期部分今天全部还清）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If nothing is paid</source>
        <translation>如果一直不还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original schedule</source>
        <translation>原还款计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the agreements kept</source>
        <translation>按协议履行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due each month</source>
        <translation>每月应还</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (agreement)</source>
        <translation>（协议）</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/notes/collection.py" line="+35"/>
        <source>Night call (22:00–08:00)</source>
        <translation>夜间催收（22:00–08:00）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More than 3 calls that day</source>
        <translation>当日催收超过 3 次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacted someone else</source>
        <translation>联系了第三人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threats or abuse</source>
        <translation>威胁或辱骂</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Threat</source>
        <translation>威胁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insult</source>
        <translation>辱骂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impersonation (police, court, lawyer)</source>
        <translation>冒充（公安、法院、律师）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Told others about the debt</source>
        <translation>向他人泄露债务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other abuse</source>
        <translation>其他不当言行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>They contacted me</source>
        <translation>对方联系我</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I contacted them</source>
        <translation>我联系对方</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>from {number}</source>
        <translation>来自 {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>also contacted: {who}</source>
        <translation>还联系了：{who}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/ashore/ui/widgets/words.py" line="+42"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>heard: {what}</source>
        <translation>言行：{what}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/messages.py" line="+33"/>
        <source>%1: the follow-up of %2 passed %n day(s) ago with no note since; call the lender again.</source>
        <translation>
            <numerusform>%1：跟进日期 %2 已过去 %n 天，之后没有任何记录；请再次致电出借方。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1: agreed payment of %2 is due in %n day(s), on %4.</source>
        <translation>
            <numerusform>%1：约定还款 %2 将在 %n 天后（%4）到期。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/widgets/words.py" line="-9"/>
        <source>The yearly cost of these payments on their dates (IRR method). It can differ from the quoted rate: fees count, and a first period shorter or longer than a month still carries a full month&apos;s interest.</source>
        <translation>按各笔还款的实际日期算出的年化成本（IRR 法）。它可能与报价利率不同：费用计入在内；首期即使短于或长于一个月，也按整月计息。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>en</source>
        <comment>the code of the interface&apos;s language: zh_CN in the Chinese catalogue</comment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/proposals/models.py" line="+178"/>
        <source>%1 once</source>
        <translation>一次付清 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/payments/models.py" line="+49"/>
        <source>The agreement has had %n late payment(s): the last, due %1, was paid on %2. Lenders often end an agreement at the second late payment: check what yours says, and pay the next ones on time.</source>
        <translation>
            <numerusform>本协议已有 %n 次逾期还款：最近一次应于 %1 还，实际于 %2 还清。出借方常在第二次逾期还款时终止协议：请查看您的协议怎么写，之后每期按时还款。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>AfterCallDialog</name>
    <message>
        <location filename="../../src/ashore/ui/guide/after.py" line="+21"/>
        <source>After the call — %1</source>
        <translation>通话之后——%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write it down now, while you remember: who you spoke to, what they said, and what happens next.</source>
        <translation>趁还记得，现在就记下来：和谁通的话，对方说了什么，接下来怎么办。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>agent name or number</source>
        <translation>客服姓名或工号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what you said and what they said</source>
        <translation>你说了什么，对方说了什么</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. they accept 24 months from 15 December</source>
        <translation>例如：对方同意从 12 月 15 日起分 24 期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what each side promised, with dates</source>
        <translation>双方各自承诺了什么，以及日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>— no change to a proposal —</source>
        <translation>— 不更改方案 —</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>对方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was said</source>
        <translation>通话内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is now</source>
        <translation>现在改为</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 (unchanged)</source>
        <translation>%1（不变）</translation>
    </message>
</context>
<context>
    <name>AllLoansRow</name>
    <message>
        <location filename="../../src/ashore/ui/loan/sidebar.py" line="+416"/>
        <source>Every loan at once: what to pay and what needs attention (Ctrl+D)</source>
        <translation>一次看全部借款：要还什么、什么需要处理（Ctrl+D）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All loans</source>
        <translation>全部借款</translation>
    </message>
</context>
<context>
    <name>AllocationList</name>
    <message>
        <location filename="../../src/ashore/ui/loan/allocation.py" line="+49"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usual order</source>
        <translation>常见顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees, then penalty, then interest, then principal</source>
        <translation>先费用，再罚息，再利息，最后本金</translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <location filename="../../src/ashore/ui/audio/player.py" line="+79"/>
        <location line="+5"/>
        <location line="+220"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-220"/>
        <location line="+220"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the recording</source>
        <translation>录音时长</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seek</source>
        <translation>跳转</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{rate}×</source>
        <translation>{rate}×</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No audio output device here: the recording loads, but plays silently.</source>
        <translation>这台电脑没有音频输出设备：录音可以载入，但播放时没有声音。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open in system player</source>
        <translation>用系统播放器打开</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot play: {name} is missing.</source>
        <translation>无法播放：找不到 {name}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No audio playback here: {reason}.</source>
        <translation>此处无法播放音频：{reason}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No audio playback here: no audio backend.</source>
        <translation>此处无法播放音频：没有音频后端。</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Cannot play this format here ({suffix}).</source>
        <translation>此处无法播放该格式（{suffix}）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open {name}.</source>
        <translation>无法打开 {name}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot play {name}: {reason}.</source>
        <translation>无法播放 {name}：{reason}。</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../src/ashore/ui/files/calendar.py" line="+82"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>月数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loans to include</source>
        <translation>包含的借款</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <location line="+79"/>
        <source>&amp;Repayment calendar (PDF)…</source>
        <translation>还款日历（PDF）(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A printable calendar of what to pay on which day</source>
        <translation>可打印的日历：哪天还多少</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calendar &amp;file (.ics)…</source>
        <translation>日历文件（.ics）(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The due dates for a calendar app (phone, Outlook, Google Calendar)</source>
        <translation>供日历应用使用的还款日（手机、Outlook、Google 日历）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no loan to put in a calendar yet.</source>
        <translation>还没有可放入日历的借款。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export the repayment calendar</source>
        <translation>导出还款日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export a calendar file</source>
        <translation>导出日历文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Writing the calendar of %1 months…</source>
        <translation>正在生成 %1 个月的日历…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>CallCardWindow</name>
    <message>
        <location filename="../../src/ashore/ui/guide/card.py" line="+28"/>
        <source>Call card — %1</source>
        <translation>通话卡片——%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Start a call note now</source>
        <translation>现在开始记录通话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After the call…</source>
        <translation>通话之后…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the card (Esc)</source>
        <translation>关闭卡片（Esc）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>penalty waived</source>
        <translation>减免罚息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>late fees waived</source>
        <translation>减免滞纳金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interest waived</source>
        <translation>减免利息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, </source>
        <comment>between clauses</comment>
        <translation>，</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its true yearly cost is %1, fees included.</source>
        <translation>这笔借款含各项费用的真实年化成本为 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is above 36 %: interest above it was never protected.</source>
        <translation>超过了 36 %：超过此线的利息从未受法律保护。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is above the 24 % regulators expect of licensed lenders.</source>
        <translation>超过了监管对持牌机构 24 % 综合成本的要求。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Courts do not uphold more than %1 (4 × LPR): ask to waive the rest.</source>
        <translation>法院不支持超过 %1（LPR 的四倍）的部分：请要求减免超出部分。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Calling %1</source>
        <translation>致电 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loan: %1</source>
        <translation>借款：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What I owe today</source>
        <translation>我今天的欠款</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 payments overdue for %2 days: %3</source>
        <translation>%1 期逾期 %2 天：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Penalty interest so far: %1</source>
        <translation>目前罚息：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late fees: %1</source>
        <translation>滞纳金：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not yet due: %1</source>
        <translation>未到期：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It grows by %1 every day I don&apos;t pay.</source>
        <translation>我每天不还，就会增加 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Why I fell behind</source>
        <translation>我逾期的原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not written yet — say it in one sentence)</source>
        <translation>（还没写——用一句话说明）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I want to pay. This difficulty is temporary.</source>
        <translation>我愿意还款，目前的困难只是暂时的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What I can pay each month</source>
        <translation>我每月能还多少</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no monthly budget set)</source>
        <translation>（未设置每月预算）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>My budget is %1; %2 already goes to other agreements.</source>
        <translation>我的预算是 %1，其中 %2 已用于其他协议。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The agreement in force</source>
        <translation>当前执行的协议</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agreed from %1: %2 in all; paid so far %3, left to pay %4.</source>
        <translation>自 %1 起执行：共 %2；已还 %3，尚余 %4。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Next installment: %1 on %2.</source>
        <translation>下一期：%2 还 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If I cannot pay an installment</source>
        <translation>如果某一期还不上</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call before its due date and ask to move it: a second default can void the agreement, and the lender may then claim %1.</source>
        <translation>在到期日之前打电话申请调整：再次违约可能使协议失效，出借方届时可能要求偿还 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call before its due date and ask to move it: a second default can void the agreement.</source>
        <translation>在到期日之前打电话申请调整：再次违约可能使协议失效。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What I ask for</source>
        <translation>我的请求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(choose the proposal to ask for on the Guide tab)</source>
        <translation>（请在“指南”标签页选择要提出的方案）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total %1, starting %2.</source>
        <translation>共计 %1，从 %2 开始。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is more than I can pay each month.</source>
        <translation>这超出了我每月能还的金额。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>If they say no</source>
        <translation>如果对方拒绝</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ask what they can offer, and ask them to stop the penalty while they decide.</source>
        <translation>询问对方能给什么方案，并请求在对方考虑期间停止计算罚息。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Before I hang up, I confirm</source>
        <translation>挂电话前，我要确认</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>☐ The new amount and every date, sent to me in writing.</source>
        <translation>☐ 新的金额和每个日期，以书面形式发给我。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>☐ The penalty stops from %1.</source>
        <translation>☐ 从 %1 起停止计算罚息。</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>%1 by %2</source>
        <translation>%1（%2 前）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2 to %3</source>
        <translation>%1，%2 至 %3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Owed today under the agreement in force.</source>
        <translation>按当前协议，截至今日尚欠。</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>☐ The day from which the penalty stops.</source>
        <translation>☐ 罚息从哪一天起停止计算。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>☐ Whether my credit report will be updated, and when.</source>
        <translation>☐ 我的征信报告是否会更新，何时更新。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>☐ The agent&apos;s name or number, and the time of this call.</source>
        <translation>☐ 客服的姓名或工号，以及本次通话的时间。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Call note started.</source>
        <translation>已开始记录通话。</translation>
    </message>
</context>
<context>
    <name>CallRecorder</name>
    <message>
        <location filename="../../src/ashore/ui/audio/recorder.py" line="+115"/>
        <source>Record</source>
        <translation>录音</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Recording</source>
        <translation>录音中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time recorded</source>
        <translation>已录时长</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+29"/>
        <source>Recording is not possible here: {reason}.</source>
        <translation>此处无法录音：{reason}。</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Recording is not possible here: no audio encoder.</source>
        <translation>此处无法录音：没有音频编码器。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+18"/>
        <source>No microphone found</source>
        <translation>未找到麦克风</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Record the call from {device}</source>
        <translation>从 {device} 录制通话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microphone: {device}; saves {format}</source>
        <translation>麦克风：{device}；保存为 {format}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot record into {folder}: {reason}</source>
        <translation>无法录音到 {folder}：{reason}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Recording to {name}</source>
        <translation>正在录音到 {name}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Recording failed: {reason}</source>
        <translation>录音失败：{reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
</context>
<context>
    <name>CheckedLineEdit</name>
    <message>
        <location filename="../../src/ashore/ui/widgets/fields.py" line="+472"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <location filename="../../src/ashore/ui/payments/models.py" line="+159"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They say</source>
        <translation>对方声称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We compute</source>
        <translation>我们计算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The lender asks for more than the contract gives: ask how they got it.</source>
        <translation>出借方要求的金额超过合同约定：请询问对方是怎么算出来的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lender asks for less than we compute.</source>
        <translation>出借方要求的金额少于我们的计算。</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <location filename="../../src/ashore/ui/payments/claims.py" line="+38"/>
        <source>What the lender says you owe</source>
        <translation>出借方声称的欠款</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>SMS, app screen, call with agent 0231…</source>
        <translation>短信、App 截图、与 0231 号客服通话…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+55"/>
        <source>They say</source>
        <translation>对方声称</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add claim</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete claim…</source>
        <translation>删除记录…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Claims recorded</source>
        <translation>已记录的对方金额</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Delete claim</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the claim of %1?</source>
        <translation>删除 %1 的这条记录？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>CollectionFields</name>
    <message>
        <location filename="../../src/ashore/ui/notes/collection.py" line="-50"/>
        <source>the number that called, e.g. 171 0000 1111</source>
        <translation>来电号码，例如 171 0000 1111</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>family, friends, employer they called or messaged; empty if nobody</source>
        <translation>对方联系过的家人、朋友、单位；没有则留空</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Collector</source>
        <translation>催收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also contacted</source>
        <translation>还联系了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heard</source>
        <translation>言行</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../src/ashore/ui/proposals/models.py" line="+109"/>
        <source>Total paid</source>
        <translation>还款总额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving against doing nothing</source>
        <translation>相比不还款节省</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest monthly payment</source>
        <translation>最高月供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typical monthly payment</source>
        <translation>一般月供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid off by</source>
        <translation>还清日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months over budget</source>
        <translation>超出预算的月数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True yearly cost (APR)</source>
        <translation>真实年化成本（APR）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Doing nothing</source>
        <translation>不还款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Original schedule</source>
        <translation>原还款计划</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Months over budget (set a budget in the Guide tab)</source>
        <translation>超出预算的月数（请在“指南”标签中设定预算）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (paid %2, left %3)</source>
        <translation>%1（已还 %2，尚余 %3）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (overdue, due now)</source>
        <translation>%1（逾期，须立即还）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 of it overdue, due now)</source>
        <translation>%1（其中 %2 逾期，须立即还）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (one payment)</source>
        <translation>%1（一次付清）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>nothing paid; %1 owed by %2</source>
        <translation>不还款；到 %2 欠 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Doing nothing never pays the loan off; the debt keeps growing.</source>
        <translation>不还款就永远还不清，欠款会一直增加。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Doing nothing pays nothing each month; what is owed keeps growing and can be claimed in one go.</source>
        <translation>不还款则每月不付钱；欠款会不断增加，并可能被要求一次性还清。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keeping to the original schedule means paying everything overdue now, %1 with its penalty and late fees; then each installment as scheduled.</source>
        <translation>按原还款计划，须立即还清全部逾期款项，连同罚息和滞纳金共 %1；之后按期还款。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set a monthly budget on the dashboard to see which months go over it.</source>
        <translation>在总览中设置每月预算，即可看到哪些月份超出预算。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It pays back less than it starts from, so it has no yearly cost: see its saving.</source>
        <translation>还款总额低于起算金额，因此没有年化成本：请看它节省的金额。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The best value of this row</source>
        <translation>本行最优值</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../src/ashore/ui/loan/dashboard.py" line="+249"/>
        <source>All loans</source>
        <translation>全部借款</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Owed today, all loans</source>
        <translation>今日欠款（全部借款）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>To pay this month, arrears included</source>
        <translation>本月应还（含逾期欠款）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Monthly budget (income − essential costs)</source>
        <translation>每月预算（收入 − 必要开支）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+190"/>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Click a line to open its loan</source>
        <translation>点击一行即可打开对应借款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing needs attention today.</source>
        <translation>今天没有需要处理的事项。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>To pay, next 30 days</source>
        <translation>未来 30 天应还</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+195"/>
        <source>Follow-ups</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Grows by %1 a day while nothing is paid.</source>
        <translation>不还款时每天增加 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set a budget to see which months are too heavy.</source>
        <translation>设置预算，就能看出哪些月份负担过重。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 over the budget of %2.</source>
        <translation>超出预算 %2 共 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Within the budget of %1.</source>
        <translation>在预算 %1 以内。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Missed</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over budget</source>
        <translation>超出预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit report</source>
        <translation>征信报告</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: an agreed payment is late since %2 (%3 to pay); pay it and call the lender before the agreement is cancelled.</source>
        <translation>%1：一期约定还款自 %2 起逾期（应还 %3）；请立即还款，并在协议被取消前致电出借方。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 due and unpaid since %3 (%4 days)%5; pay it or agree a plan.</source>
        <translation>%1：自 %3 起已到期未还 %2（%4 天）%5；请还款或协商还款计划。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1 penalty interest</source>
        <translation>罚息 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 late fees</source>
        <translation>滞纳金 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and %2</source>
        <translation>%1 和%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, plus %1</source>
        <translation>，另有%1</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Needs attention (%1)</source>
        <translation>需要处理（%1）</translation>
    </message>
    <message numerus="yes">
        <location line="-82"/>
        <source>%n loan(s) · today %2</source>
        <translation>
            <numerusform>%n 笔借款 · 今天 %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Follow-ups (%1)</source>
        <translation>待跟进（%1）</translation>
    </message>
</context>
<context>
    <name>DataCheck</name>
    <message>
        <location filename="../../src/ashore/ui/files/check.py" line="+68"/>
        <source>&amp;Check Data…</source>
        <translation>检查数据(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the database, every stored file and every call note&apos;s record for damage or changes made outside Ashore</source>
        <translation>检查数据库、每个存储的文件和每条沟通记录是否损坏，或是否在 Ashore 之外被改动</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking your data…</source>
        <translation>正在检查你的数据…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Check data</source>
        <translation>检查数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check was stopped; nothing was changed.</source>
        <translation>检查已停止；没有改动任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The check could not be finished: %1</source>
        <translation>检查未能完成：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>All good: the database is intact, %1 stored files match their fingerprints and %2 call notes are in their unbroken record.</source>
        <translation>一切正常：数据库完好，%1 个存储的文件与其指纹一致，%2 条沟通记录都在完整的记录链中。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 stored files are not used by any note or document (left by an interrupted import); they do no harm.</source>
        <translation>有 %1 个存储的文件没有被任何记录或文件使用（由中断的导入留下）；它们没有害处。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The check found %1 problems:</source>
        <translation>检查发现 %1 个问题：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something changed your data outside Ashore, or the disk damaged it. If you did not expect this, restore a backup (File ▸ Restore from Backup…); keep this data aside first. The exact findings are under Details.</source>
        <translation>有东西在 Ashore 之外改动了你的数据，或磁盘损坏了它。如果这不是你预期的，请恢复一个备份（文件 ▸ 从备份恢复…）；先把现在的数据另存一份。详细的检查结果见“详细信息”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database file is damaged.</source>
        <translation>数据库文件已损坏。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stored file “%1” is missing, unreadable or changed.</source>
        <translation>存储的文件“%1”丢失、无法读取或已被改动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1”: call notes were changed, added or removed outside Ashore.</source>
        <translation>“%1”：沟通记录在 Ashore 之外被改动、添加或删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1”: its payments were changed outside Ashore.</source>
        <translation>“%1”：还款记录在 Ashore 之外被改动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1”: what the lender claims was changed outside Ashore.</source>
        <translation>“%1”：出借方主张的金额在 Ashore 之外被改动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1”: its proposals were changed outside Ashore.</source>
        <translation>“%1”：方案在 Ashore 之外被改动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The loan %1 was removed outside Ashore.</source>
        <translation>借款 %1 在 Ashore 之外被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1”: its records were changed outside Ashore.</source>
        <translation>“%1”：记录在 Ashore 之外被改动。</translation>
    </message>
</context>
<context>
    <name>DataError</name>
    <message>
        <location filename="../../src/ashore/ui/faults.py" line="+20"/>
        <source>{where}: Ashore is already open with this data in another window. Close that window first, or open a different data folder.</source>
        <translation>{where}：Ashore 已经在另一个窗口中打开了这份数据。请先关闭那个窗口，或打开另一个数据文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: Ashore is already open with this data in another window (process {process}). Close that window first, or open a different data folder.</source>
        <translation>{where}：Ashore 已经在另一个窗口中打开了这份数据（进程 {process}）。请先关闭那个窗口，或打开另一个数据文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: Ashore is already open with this data in another window, and the data is not yet ready for this version of Ashore. Close that window first.</source>
        <translation>{where}：Ashore 已经在另一个窗口中打开了这份数据，而这份数据还没有为这个版本的 Ashore 准备好。请先关闭那个窗口。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: cannot create the lock file: {reason}</source>
        <translation>{where}：无法创建锁文件：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: cannot create the data folder: {reason}</source>
        <translation>{where}：无法创建数据文件夹：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: this is not an Ashore database (no schema version); move it away or open another data folder</source>
        <translation>{where}：这不是 Ashore 的数据库（没有结构版本）；请把它移走，或打开另一个数据文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: the database was written by a newer version of Ashore (schema {schema}); update Ashore to open it. It was left unchanged</source>
        <translation>{where}：该数据库由更新版本的 Ashore 写入（结构 {schema}）；请更新 Ashore 后再打开。数据库未作任何改动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: the database is locked by another program (is Ashore already open?); close it and try again</source>
        <translation>{where}：数据库被另一个程序锁定（Ashore 是否已经打开？）；请关闭它后重试</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: the database is damaged; restore a backup (File ▸ Restore from Backup…; automatic copies are in {backups})</source>
        <translation>{where}：数据库已损坏；请恢复一个备份（文件 ▸ 从备份恢复…；自动副本在 {backups}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: the database cannot be written; check the folder&apos;s permissions</source>
        <translation>{where}：无法写入数据库；请检查文件夹的权限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: the database cannot be read: {reason}</source>
        <translation>{where}：无法读取数据库：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: cannot create the database: {reason}</source>
        <translation>{where}：无法创建数据库：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: the database cannot be brought up to this version: {reason}</source>
        <translation>{where}：无法把数据库升级到本版本：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the update of the database would leave rows pointing at nothing (the first in table {table}); the database was left as it was</source>
        <translation>数据库升级会留下无所指向的记录（第一条在表 {table}）；数据库保持原样</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: the disk is full; free some space and try again</source>
        <translation>{where}：磁盘已满；请腾出空间后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: the disk reported an error; check it and try again</source>
        <translation>{where}：磁盘报告了错误；请检查后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: no such file</source>
        <translation>{where}：文件不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: is not a plain file</source>
        <translation>{where}：不是普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: is not a usable file name</source>
        <translation>{where}：不是可用的文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: is a folder; give a file name</source>
        <translation>{where}：这是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: permission denied</source>
        <translation>{where}：没有权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: cannot be written: {reason}</source>
        <translation>{where}：无法写入：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: cannot write the backup: {reason}</source>
        <translation>{where}：无法写入备份：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is inside the data folder; save the backup somewhere else</source>
        <translation>{where} 在数据文件夹内；请把备份保存到别处</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: is not a backup Ashore can read</source>
        <translation>{where}：不是 Ashore 能读取的备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the backup is damaged ({member} cannot be read)</source>
        <translation>{where}：备份已损坏（无法读取 {member}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: the backup&apos;s database is damaged or not as Ashore writes it; refused, nothing was changed</source>
        <translation>{where}：备份中的数据库已损坏或被改动过；已拒绝恢复，没有做任何改动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: the backup&apos;s database has schema {schema}, which this Ashore does not know; update Ashore to restore it</source>
        <translation>{where}：备份中的数据库结构为 {schema}，本版本 Ashore 无法识别；请更新 Ashore 后再恢复</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: the backup could not be put fully in place ({reason}); the next start of Ashore finishes it</source>
        <translation>{where}：备份未能完全放回原处（{reason}）；下次启动 Ashore 时会完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: cannot put the backup in place: {reason}</source>
        <translation>{where}：无法放回备份：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: cannot finish the interrupted restore: {reason}</source>
        <translation>{where}：无法完成被中断的恢复：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: an interrupted restore left this file and it cannot be read; restore your backup again</source>
        <translation>{where}：被中断的恢复留下了这个文件，且无法读取；请重新恢复你的备份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: the stored file is missing</source>
        <translation>{where}：保存的文件不见了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot store {file}: {reason}</source>
        <translation>无法保存 {file}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the stored file is damaged; check your data (File ▸ Check Data…). The bundle was not written</source>
        <translation>{where}：保存的文件已损坏；请检查数据（文件 ▸ 检查数据…）。证据包未写入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: changed while it was being exported</source>
        <translation>{where}：导出过程中文件被改动了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the report font is missing; reinstall Ashore</source>
        <translation>{where}：缺少报告字体；请重新安装 Ashore</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: cannot write the autostart entry: {reason}</source>
        <translation>{where}：无法写入开机启动项：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: cannot remove it: {reason}</source>
        <translation>{where}：无法删除：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the settlement day is after the day the credit report was checked</source>
        <translation>结清日期晚于查看征信报告的日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>record the day the loan was settled first</source>
        <translation>请先记下这笔借款结清的日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the loan is not recorded as settled</source>
        <translation>这笔借款尚未记为已结清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the note is deleted; a deleted note cannot be changed</source>
        <translation>这条记录已删除；已删除的记录不能修改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the note is already deleted</source>
        <translation>这条记录已经删除了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is already attached to this note</source>
        <translation>{name} 已经附在这条记录上</translation>
    </message>
</context>
<context>
    <name>FeeRow</name>
    <message>
        <location filename="../../src/ashore/ui/loan/fees.py" line="+32"/>
        <source>e.g. service fee</source>
        <translation>例如：服务费</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this fee</source>
        <translation>移除这项费用</translation>
    </message>
</context>
<context>
    <name>FeeTable</name>
    <message>
        <location line="+51"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charged</source>
        <translation>收取方式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fees.</source>
        <translation>没有费用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add fee</source>
        <translation>添加费用</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../src/ashore/ui/files/actions.py" line="+59"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;All data (JSON)…</source>
        <translation>全部数据（JSON）(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything, in the Ashore exchange format</source>
        <translation>全部数据，Ashore 交换格式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A copy of everything (database and evidence files) in one zip file</source>
        <translation>把全部内容（数据库和证据文件）复制到一个 zip 文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace everything with a backup; what is here now is backed up first</source>
        <translation>用备份替换全部数据；现有数据会先备份</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+23"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Ashore exchange files (*.json);;All files (*)</source>
        <translation>Ashore 交换文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was imported from %1:

%2</source>
        <translation>没有从 %1 导入任何内容：

%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported %1 lenders and %2 loans from %3.</source>
        <translation>已从 %3 导入 %1 个出借方和 %2 笔借款。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export as JSON</source>
        <translation>导出为 JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ashore exchange files (*.json)</source>
        <translation>Ashore 交换文件 (*.json)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting every loan…</source>
        <translation>正在导出全部借款…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/files/common.py" line="+115"/>
        <source>Exported to %1 at %2.</source>
        <translation>已于 %2 导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/files/actions.py" line="+13"/>
        <source>Back up everything</source>
        <translation>备份全部数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Ashore backups (*.zip)</source>
        <translation>Ashore 备份 (*.zip)</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backed up the database and %1 evidence files to %2.

Keep it somewhere safe, away from this computer.</source>
        <translation>已将数据库和 %1 个证据文件备份到 %2。

请把它保存在安全的地方，不要只放在这台电脑上。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace everything in Ashore with the backup %1?

What is here now is saved as a backup first, so nothing is lost.</source>
        <translation>用备份 %1 替换 Ashore 中的全部数据？

现有数据会先保存为备份，不会丢失。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+24"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Nothing was restored from %1:

%2</source>
        <translation>没有从 %1 恢复任何内容：

%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>

What was here before is saved in %1.</source>
        <translation>

之前的数据已保存在 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restored from %1.</source>
        <translation>已从 %1 恢复。</translation>
    </message>
</context>
<context>
    <name>FileName</name>
    <message>
        <location filename="../../src/ashore/ui/files/common.py" line="+8"/>
        <source>repayment-calendar</source>
        <translation>还款日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letter</source>
        <translation>协商信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dispute-letter</source>
        <translation>异议申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all-loans</source>
        <translation>全部借款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../src/ashore/ui/loan/dashboard.py" line="-372"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loan</source>
        <translation>借款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (late)</source>
        <translation>（逾期）</translation>
    </message>
</context>
<context>
    <name>GuideController</name>
    <message>
        <location filename="../../src/ashore/ui/guide/controller.py" line="+39"/>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Call Card</source>
        <translation>通话卡片(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The numbers and words for a call, on top</source>
        <translation>通话要用的数字和话术，置顶显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;After the Call…</source>
        <translation>通话之后(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hardship letter…</source>
        <translation>困难说明信(&amp;H)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Negotiate</source>
        <translation>协商(&amp;N)</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+42"/>
        <location line="+20"/>
        <source>Open a loan first.</source>
        <translation>请先打开一笔借款。</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Call note started at %1.</source>
        <translation>已于 %1 开始记录通话。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The call is written down.</source>
        <translation>通话已记录。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add a proposal first: the letter asks the lender for one.</source>
        <translation>请先添加一个方案：说明信要向出借方提出方案。</translation>
    </message>
</context>
<context>
    <name>GuideTab</name>
    <message>
        <location filename="../../src/ashore/ui/guide/tab.py" line="+158"/>
        <source>Open the call card</source>
        <translation>打开通话卡片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After the call…</source>
        <translation>通话之后…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hardship letter…</source>
        <translation>困难说明信…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Before you call</source>
        <translation>打电话之前</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>In one or two sentences, in your own words: what happened, and since when.</source>
        <translation>用你自己的话，一两句说明：发生了什么，从什么时候开始。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why you fell behind</source>
        <translation>逾期原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 1500.00</source>
        <translation>例如：1500.00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a month, for all your loans together</source>
        <translation>每月，所有借款合计</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What you can pay</source>
        <translation>你能还多少</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>If they say no:</source>
        <translation>如果对方拒绝：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you ask for</source>
        <translation>你的请求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Proof</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lender&apos;s phone and hours</source>
        <translation>出借方电话和服务时间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save checklist</source>
        <translation>保存清单</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About you (for letters, kept once for all loans)</source>
        <translation>你的信息（用于信件，所有借款共用）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save profile</source>
        <translation>保存个人信息</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credit report</source>
        <translation>征信报告</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>what the report says</source>
        <translation>报告显示的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record check</source>
        <translation>记录核查结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>— choose a proposal —</source>
        <translation>— 选择一个方案 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add the phone number and hours on the lender&apos;s page.</source>
        <translation>请在出借方页面填写电话和服务时间。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The agreement is paid. Check your credit report (it can take a month to update) and record what it shows.</source>
        <translation>协议已还清。请查看征信报告（可能需要一个月才会更新），并记录显示的内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When the last agreed payment is made, check your credit report here.</source>
        <translation>还完协议的最后一期后，在这里核查征信报告。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Attach a supporting document</source>
        <translation>添加证明文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents and pictures (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>文档和图片 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../src/ashore/ui/proposals/models.py" line="+26"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <location filename="../../src/ashore/ui/messages.py" line="+94"/>
        <source>an amount is required</source>
        <translation>请填写金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a rate is required</source>
        <translation>请填写利率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be more than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>{value} % a day is not a plausible rate</source>
        <translation>日利率 {value}% 不合理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not a plausible rate (a fraction: 0.18 is 18 %)</source>
        <translation>{value} 不是合理的利率（用小数表示：0.18 即 18%）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not a plausible rate</source>
        <translation>{value} 不是合理的利率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not an amount</source>
        <translation>{value} 不是有效金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a percentage</source>
        <translation>{value} 不是有效的百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a date</source>
        <translation>{value} 不是有效日期</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/faults.py" line="+9"/>
        <source>must name each of fees, penalty, interest, principal once</source>
        <translation>必须把费用、罚息、利息、本金各列一次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{currency} amounts have fewer decimals</source>
        <translation>{currency} 金额的小数位更少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the payments are too large to give a yearly rate</source>
        <translation>还款额太大，算不出年化利率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the payments are too small to give a yearly rate</source>
        <translation>还款额太小，算不出年化利率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not one of the choices</source>
        <translation>不是可选的值之一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not one of the choices</source>
        <translation>{value} 不是可选的值之一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has no payment to compare</source>
        <translation>没有可比较的还款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must not be before today</source>
        <translation>不能早于今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ashore/ui/messages.py" line="+1"/>
        <source>{value} is not a date (YYYY-MM-DD)</source>
        <translation>{value} 不是有效日期（格式：YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+4"/>
        <source>{value} is not a decimal number</source>
        <translation>{value} 不是小数</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>{value} is not a decimal amount (under 10^12)</source>
        <translation>{value} 不是小数金额（须小于 10^12）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be a share from 0 up to (not including) 1</source>
        <translation>必须是 0 到 1 之间的比例（不含 1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a fee is per installment, once or upfront</source>
        <translation>费用只能是每期、一次性或放款时预扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the upfront fees must leave some money paid out</source>
        <translation>预扣的费用不能把放款全部扣完</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a due date and an amount</source>
        <translation>必须是一个到期日和一个金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at least one installment is needed</source>
        <translation>至少需要一期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list of due dates and amounts</source>
        <translation>必须是到期日和金额的列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interest is counted by the month or by the day</source>
        <translation>利息只能按月或按日计算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give either an amount or a discount, not both</source>
        <translation>请填金额或折扣，不能两者都填</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a value of this kind of proposal</source>
        <translation>不是这类方案的参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the penalty runs on the overdue amount or the overdue principal</source>
        <translation>罚息只能按逾期金额或逾期本金计算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be more than 0 and at most 10</source>
        <translation>必须大于 0 且不超过 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a projection can cover at most 30 years</source>
        <translation>推算最多覆盖 30 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} must be 360 or 365</source>
        <translation>{value} 必须是 360 或 365</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a yearly rate from 0 (a fraction, 0.18 = 18 %)</source>
        <translation>必须是不小于 0 的年利率（小数，0.18 = 18 %）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a share between 0 and 1</source>
        <translation>必须是 0 到 1 之间的比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be before the first due date</source>
        <translation>必须早于首期还款日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only a bullet loan can run for a number of days</source>
        <translation>只有到期一次性还本付息的借款才能按天计期限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a term is in months or in days</source>
        <translation>期限只能按月或按天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must not hold a NUL character</source>
        <translation>不能含有 NUL 字符</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/messages.py" line="+1"/>
        <source>line {line}: {value} is not a date (YYYY-MM-DD)</source>
        <translation>第 {line} 行：{value} 不是有效日期（格式：YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/faults.py" line="-19"/>
        <location filename="../../src/ashore/ui/messages.py" line="+3"/>
        <source>{value} is not a whole number</source>
        <translation>{value} 不是整数</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/messages.py" line="+1"/>
        <source>{value} is too large</source>
        <translation>{value} 太大了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} has more decimals than {currency} allows</source>
        <translation>{value} 的小数位数超过了 {currency} 允许的位数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{currency} amounts have at most {places} decimals</source>
        <translation>{currency} 金额最多 {places} 位小数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be at least {minimum}</source>
        <translation>不能小于 {minimum}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at most {maximum}</source>
        <translation>不能大于 {maximum}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep it under {limit} characters</source>
        <translation>请控制在 {limit} 个字符以内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must list at least one installment</source>
        <translation>至少要列出一期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line {line}: give a date and an amount</source>
        <translation>第 {line} 行：请写出日期和金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at most 100 %</source>
        <translation>最多 100%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give either amount or discount (exactly one)</source>
        <translation>金额和折扣只能填一个（必须填且只填一个）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days are only for a bullet loan; use month</source>
        <translation>按天计期只适用于到期一次性还本付息的借款；请选“个月”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the follow-up date is before the call</source>
        <translation>跟进日期早于通话时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The “Call at” time is later than now, when the note is written: set it to when the call happened.</source>
        <translation>“通话时间”晚于现在（写这条记录的时间）：请改成通话实际发生的时间。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>say why the note is deleted</source>
        <translation>请说明删除这条记录的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose another proposal than the one you ask for</source>
        <translation>请选择与请求方案不同的另一个方案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be at least {minimum} to cover the monthly interest</source>
        <translation>至少要 {minimum} 才够付每月的利息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is more than the {owed} owed</source>
        <translation>超过了所欠的 {owed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a whole number of months from 1 to {maximum}</source>
        <translation>必须是 1 到 {maximum} 之间的整月数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>too small, the plan would run over {maximum} months</source>
        <translation>太少了，这样还款计划会超过 {maximum} 个月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing is owed on that day, there is nothing to plan</source>
        <translation>那一天已经不欠款，无需制定还款计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must not be before the start date</source>
        <translation>不能早于开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be after the start date</source>
        <translation>必须晚于开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be below 100 %</source>
        <translation>必须低于 100%</translation>
    </message>
</context>
<context>
    <name>InstallmentTableModel</name>
    <message>
        <location filename="../../src/ashore/ui/proposals/models.py" line="-331"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>还款额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance after</source>
        <translation>还款后余额</translation>
    </message>
</context>
<context>
    <name>LenderDialog</name>
    <message>
        <location filename="../../src/ashore/ui/dialogs.py" line="-247"/>
        <source>New lender</source>
        <translation>新出借方</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The platform or bank you borrowed from.</source>
        <translation>你借款的 App 或银行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Jiebei</source>
        <translation>例如：借呗</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>customer service number</source>
        <translation>客服电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 9:00–21:00 every day</source>
        <translation>例如：每天 9:00–21:00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>服务时间</translation>
    </message>
</context>
<context>
    <name>LenderPage</name>
    <message>
        <location filename="../../src/ashore/ui/pages.py" line="+230"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>customer service number</source>
        <translation>客服电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 9:00–21:00 every day</source>
        <translation>例如：每天 9:00–21:00</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>app name or web address</source>
        <translation>App 名称或网址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>anything worth remembering about this lender</source>
        <translation>关于这个出借方值得记下的事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App or website</source>
        <translation>App 或网站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete lender…</source>
        <translation>删除出借方…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a loan from this lender</source>
        <translation>添加该出借方的借款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Delete or move its loans first</source>
        <translation>请先删除或移走它名下的借款</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n loan(s)</source>
        <translation>
            <numerusform>%n 笔借款</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterEditor</name>
    <message>
        <location filename="../../src/ashore/ui/guide/letter.py" line="+57"/>
        <source>Hardship letter — %1</source>
        <translation>困难说明信——%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ask for</source>
        <translation>请求方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filled in from your loan, your checklist and your profile. Change anything you like: the PDF prints exactly this text.</source>
        <translation>根据你的借款、清单和个人信息自动填写。你可以随意修改：PDF 会按这里的文字原样打印。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fill in “About you”…</source>
        <translation>填写“关于你”…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closes the letter and opens “About you” on the Guide tab</source>
        <translation>关闭信件，打开“指南”标签上的“关于你”</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+62"/>
        <source>Fill in again</source>
        <translation>重新填写</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Copy as text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Signed “%1”, with the phone, address and e-mail from “About you” on the Guide tab (kept once for all loans).</source>
        <translation>署名“%1”，电话、地址和电子邮箱取自“指南”标签上的“关于你”（所有借款共用一份）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your name is not in the letter yet: it comes from “About you” on the Guide tab, with your phone, address and e-mail (kept once for all loans).</source>
        <translation>信中还没有你的姓名：姓名和电话、地址、电子邮箱都取自“指南”标签上的“关于你”（所有借款共用一份）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fill in “About you”</source>
        <translation>填写“关于你”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the letter? Your changes to its text are not kept.</source>
        <translation>关闭信件？你对信件内容的修改不会保留。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the letter</source>
        <translation>关闭信件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Replace your changes to the letter with a fresh copy?</source>
        <translation>用新生成的内容替换你对信件的修改？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Copied. Paste it into the lender&apos;s app chat.</source>
        <translation>已复制，可粘贴到出借方 App 的在线客服里。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the letter</source>
        <translation>保存信件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Letter saved to %1.</source>
        <translation>信件已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>LoanEdits</name>
    <message>
        <location filename="../../src/ashore/ui/edits.py" line="+98"/>
        <source>Add loan “%1”</source>
        <translation>添加借款“%1”</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit loan “%1”</source>
        <translation>编辑借款“%1”</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+61"/>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Delete loan</source>
        <translation>删除借款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete “%1” with its payments, proposals and notes? You can undo this with Edit ▸ Undo until you close Ashore.</source>
        <translation>删除“%1”及其还款、方案和记录？在关闭 Ashore 之前，可以用 编辑 ▸ 撤销 恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+60"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Delete loan “%1”</source>
        <translation>删除借款“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted “%1”. Ctrl+Z brings it back.</source>
        <translation>已删除“%1”。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Add lender “%1”</source>
        <translation>添加出借方“%1”</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Edit lender “%1”</source>
        <translation>编辑出借方“%1”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete lender</source>
        <translation>删除出借方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the lender “%1”?</source>
        <translation>删除出借方“%1”？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete lender “%1”</source>
        <translation>删除出借方“%1”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The sample is loaded: pick a loan on the left.</source>
        <translation>示例数据已载入：请在左侧选择一笔借款。</translation>
    </message>
</context>
<context>
    <name>LoanForm</name>
    <message>
        <location filename="../../src/ashore/ui/loan/fees.py" line="-37"/>
        <source>with every installment</source>
        <translation>每期收取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>once</source>
        <translation>一次性收取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept back when the money was paid out</source>
        <translation>放款时预先扣除（砍头息）</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/loan/allocation.py" line="-27"/>
        <location filename="../../src/ashore/ui/loan/form.py" line="+235"/>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ashore/ui/loan/form.py" line="+42"/>
        <source>Penalty interest</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ashore/ui/loan/form.py" line="+56"/>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ashore/ui/loan/form.py" line="-164"/>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/loan/form.py" line="-43"/>
        <source>Lender and loan</source>
        <translation>出借方与借款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick the app or bank you borrowed from, and give the loan a name you recognise, such as the month you took it. The reference is the contract number, if any.</source>
        <translation>选择你借款的 App 或银行，并给这笔借款起一个你认得出的名字，比如借款的月份。编号填合同号（如有）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a lender, or add a new one</source>
        <translation>选择出借方，或添加新的出借方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lender</source>
        <translation>出借方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. January loan</source>
        <translation>例如：一月的借款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan name</source>
        <translation>借款名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contract or order number (optional)</source>
        <translation>合同号或订单号（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amount and rate</source>
        <translation>金额与利率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount you borrowed, and the interest rate exactly as the contract quotes it: per year, per month or per day (a daily rate like 0.05 % is common in loan apps).</source>
        <translation>借款金额，以及合同上写明的利率：年利率、月利率或日利率（借款 App 常见 0.05% 这样的日利率）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>% per year</source>
        <translation>%（年）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% per month</source>
        <translation>%（月）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+99"/>
        <source>% per day</source>
        <translation>%（日）</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>360 days</source>
        <translation>360 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>365 days</source>
        <translation>365 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a daily rate converts to a yearly one</source>
        <translation>日利率如何换算成年利率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interest rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A year counts</source>
        <translation>一年按</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Repayment</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the loan is paid back, for how long, and when the first payment is due. Short app loans that are paid in one go are “all at the end”.</source>
        <translation>借款怎么还、还多久、第一期什么时候到期。一次性还清的短期 App 借款选“到期一次性还本付息”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First due date</source>
        <translation>首期还款日</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Service or membership fees the app adds: charged with every installment, or once. Leave this empty if there are none.</source>
        <translation>App 额外收取的服务费或会员费：每期收取或一次性收取。没有就留空。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>When a payment is late</source>
        <translation>逾期规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The contract&apos;s penalty for late payment: a daily penalty rate, a fixed late fee per missed installment, the grace days, and when the lender may demand everything.</source>
        <translation>合同中的逾期处罚：每日罚息利率、每期逾期的固定滞纳金、宽限期天数，以及出借方何时可以要求提前到期（全部还清）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. %1</source>
        <translation>例如：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>on the overdue installment</source>
        <translation>按逾期当期金额计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on its unpaid principal only</source>
        <translation>仅按未还本金计</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per missed installment</source>
        <translation>每逾期一期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>after</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days overdue</source>
        <translation> 天后</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demands everything</source>
        <translation>提前到期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The lender&apos;s own rules</source>
        <translation>出借方自己的计算规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How this lender counts, so that every figure matches its app line by line. Pick a platform to start from, then change what your contract says differently.</source>
        <translation>出借方如何计算，让每一个数字都和它的 App 逐行对得上。先选一种常见规则作为起点，再按你的合同修改不同之处。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a platform&apos;s usual rules…</source>
        <translation>选择一种常见规则…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start from</source>
        <translation>起点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interest by actual days (按日计息): each month&apos;s interest counts its days</source>
        <translation>按实际天数计息（按日计息）：每期利息按该期的天数计算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paid out on</source>
        <translation>放款日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unticked: one month before the first due date</source>
        <translation>不勾选：按首个还款日前一个月计算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Money received</source>
        <translation>放款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>× the normal rate (instead of the penalty per day above)</source>
        <translation>× 正常利率（代替上面的每日罚息利率）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Penalty rate</source>
        <translation>罚息利率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The normal interest keeps running on overdue principal, beside the penalty</source>
        <translation>逾期本金在罚息之外继续按正常利率计息</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Settling early</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% of the principal left, as a fee</source>
        <translation>% 剩余本金，作为手续费</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>installment fee</source>
        <translation>分期手续费</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How a payment is applied</source>
        <translation>还款冲抵顺序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most lenders take a payment for fees first, then penalty, interest, and principal last. If your contract says otherwise, reorder the list.</source>
        <translation>大多数出借方先冲抵费用，再冲抵罚息、利息，最后是本金。如果你的合同另有约定，请调整顺序。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete loan…</source>
        <translation>删除借款…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+240"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location line="-239"/>
        <location line="+174"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>“%1” is not one of your lenders yet: press Enter to add it</source>
        <translation>“%1”还不是你的出借方：按回车键添加</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Check: %1</source>
        <translation>请检查：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The rate is %1 % a year; lenders charge up to about 36 % (the legal line).</source>
        <translation>年利率为 %1 %；出借方收取的利率一般不超过约 36 %（法律红线）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The fee of %1 an installment is over a tenth of the principal.</source>
        <translation>每期 %1 的费用超过了本金的十分之一。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save this loan?</source>
        <translation>保存这笔借款？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save it as it is?</source>
        <translation>仍按此保存？</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (new, saved with the loan)</source>
        <translation>%1（新出借方，随借款一起保存）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New lender…</source>
        <translation>新出借方…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>lender</source>
        <translation>出借方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loan name</source>
        <translation>借款名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interest rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>penalty interest</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>settling early</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>penalty rate</source>
        <translation>罚息利率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../src/ashore/ui/loan/presets.py" line="+83"/>
        <source>Alipay Jiebei (借呗)</source>
        <translation>支付宝借呗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeBank Weilidai (微粒贷)</source>
        <translation>微众银行微粒贷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit-card installment</source>
        <translation>信用卡分期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short loan paid back in one go</source>
        <translation>到期一次还本付息的短期借款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom rules (none of these)</source>
        <translation>自定义规则（不属于以上任何一种）</translation>
    </message>
</context>
<context>
    <name>LoanPage</name>
    <message>
        <location filename="../../src/ashore/ui/pages.py" line="-174"/>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Proposals</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payments</source>
        <translation>还款</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>New loan</source>
        <translation>新借款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in what the contract or the app says, then save.</source>
        <translation>按照合同或 App 上的信息填写，然后保存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the loan first</source>
        <translation>请先保存借款</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/ashore/ui/main_window.py" line="+184"/>
        <source>Ashore</source>
        <translation>Ashore</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Your loans</source>
        <translation>你的借款</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New loan</source>
        <translation>新借款</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Today: %1</source>
        <translation>今天：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;New Loan</source>
        <translation>新建借款(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save Loan</source>
        <translation>保存借款(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Dashboard</source>
        <translation>总览(&amp;D)</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;About Ashore</source>
        <translation>关于 Ashore(&amp;A)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the new loan</source>
        <translation>新借款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the changes to “%1”?</source>
        <translation>放弃对“%1”的修改？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
</context>
<context>
    <name>NegotiationChart</name>
    <message>
        <location filename="../../src/ashore/ui/chart/view.py" line="+170"/>
        <source>Owed</source>
        <translation>欠款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a proposal to see what it asks each month against your budget</source>
        <translation>添加一个方案，就能对照预算看到它每月要还多少</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payments made</source>
        <translation>已还款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lender claims</source>
        <translation>出借方声称</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>budget %1</source>
        <translation>预算 %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claimed</source>
        <translation>对方声称</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 a month</source>
        <translation>每月 %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>nothing shown on this day</source>
        <translation>这一天没有数据</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 · %2 in total</source>
        <translation>%1 · 共计 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 · %2 today</source>
        <translation>%1 · 今天 %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Move the pointer over the chart to read the exact figures.</source>
        <translation>把鼠标移到图表上可查看具体数字。</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <location filename="../../src/ashore/ui/notes/card.py" line="+135"/>
        <source>Collector</source>
        <translation>催收</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>on {loan}</source>
        <translation>（{loan}）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach recordings, screenshots or PDFs</source>
        <translation>添加录音、截图或 PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Written {when}</source>
        <translation>写于 {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>edited {n}×, last {when}</source>
        <translation>已编辑 {n} 次，最近一次 {when}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Broken record: {what}</source>
        <translation>记录已损坏：{what}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleted {when}. Reason: {reason}</source>
        <translation>已于 {when} 删除。理由：{reason}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(no text)</source>
        <translation>（无内容）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{day} — overdue</source>
        <translation>{day}（已过期）</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Show history (%n earlier version(s))</source>
        <translation>
            <numerusform>显示历史（%n 个早期版本）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Until {when}:</source>
        <translation>截至 {when}：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outcome: {text}</source>
        <translation>结果：{text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promises: {text}</source>
        <translation>承诺：{text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up: {day}</source>
        <translation>跟进：{day}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording {name}</source>
        <translation>录音 {name}</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../src/ashore/ui/notes/editor.py" line="+78"/>
        <source>agent name or number, department</source>
        <translation>客服姓名或工号、部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was said, in your own words</source>
        <translation>用你自己的话写下通话内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. they will review the request</source>
        <translation>例如：对方会审核申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>who promised what, by when (either side)</source>
        <translation>谁承诺了什么、何时完成（双方都算）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A debt collector&apos;s contact</source>
        <translation>催收联系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ashore checks it against the collection rules (GB/T 45251)</source>
        <translation>Ashore 会按催收规范（GB/T 45251）逐条核对</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attach recording…</source>
        <translation>附上录音…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach screenshot or PDF…</source>
        <translation>附上截图或 PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save note</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Call at</source>
        <translation>通话时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>对方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Said</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New note</source>
        <translation>新记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A collector is calling</source>
        <translation>催收来电</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Written-at time is set when you save</source>
        <translation>保存时自动记下书写时间</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Edit note — the current version is kept in its history</source>
        <translation>编辑记录——当前版本会保留在历史中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written {when}</source>
        <translation>写于 {when}</translation>
    </message>
</context>
<context>
    <name>NotesHookup</name>
    <message>
        <location filename="../../src/ashore/ui/notes/window.py" line="+36"/>
        <source>Notes</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Evidence bundle…</source>
        <translation>证据包(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The open loan&apos;s call log (PDF), its original files and SHA256SUMS, as a zip</source>
        <translation>当前借款的沟通记录（PDF）、原始文件和 SHA256SUMS，打包为 zip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Complaint…</source>
        <translation>投诉书(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A complaint to the regulator (12378) or the central bank (12363) about the open loan&apos;s collection: every contact, the rule it broke, the recordings&apos; hashes</source>
        <translation>就当前借款的催收向监管（12378）或央行（12363）投诉：每次联系、所违反的规定、录音的指纹（SHA-256）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Note saved at {time}.</source>
        <translation>记录已于 {time} 保存。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n file(s) attached to {note}.</source>
        <translation>
            <numerusform>已为 {note}添加 %n 个附件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+51"/>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Evidence bundle written to {path}: {notes}, {files}.</source>
        <translation>证据包已写入 {path}：{notes}，{files}。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No collector&apos;s contact on this loan breaks a rule yet, so there is nothing to complain of and no complaint is written.

Record first each collector&apos;s call: Notes ▸ Collector calling, with its time, the number, what was said, and the rules it broke (a call between 22:00 and 08:00, more than three calls in a day, someone else contacted, threats or insults). Then export the complaint.</source>
        <translation>这笔借款还没有记录违规的催收联系，没有可投诉的内容，因此不生成投诉书。

请先记录每一次催收来电：沟通记录 ▸ 催收来电，写明时间、号码、对方说了什么，以及违反的规定（22:00至次日08:00之间催收、一天超过三次、联系了他人、威胁或辱骂）。之后再导出投诉书。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to complain of</source>
        <translation>没有可投诉的内容</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Complaint to {to} written in {language} to {path}: {contacts}, {breaches}.</source>
        <translation>致 {to} 的投诉书已用{language}写入 {path}：{contacts}，{breaches}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 次联系</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n breach(es)</source>
        <translation>
            <numerusform>%n 项违规</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message>
        <location filename="../../src/ashore/ui/notes/pane.py" line="+139"/>
        <source>Every note on this lender&apos;s loans, newest first</source>
        <translation>该出借方所有借款的记录，最新的在前</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+15"/>
        <source>New note</source>
        <translation>新记录</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Write down a call or message now ({key})</source>
        <translation>现在记下一次通话或消息（{key}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>Collector calling</source>
        <translation>催收来电</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Note a debt collector&apos;s call now, while it rings: the time is filled in ({key})</source>
        <translation>催收来电时立即记录：时间自动填好（{key}）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Drop recordings, screenshots or PDFs on a note to attach</source>
        <translation>把录音、截图或 PDF 拖到记录上即可添加附件</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Record a call into a new note</source>
        <translation>录制通话并存入新记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record call</source>
        <translation>通话录音</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the loan first; then its calls can be noted here.</source>
        <translation>请先保存借款，之后才能在这里记录通话。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No notes on this lender&apos;s loans yet.</source>
        <translation>该出借方的借款还没有记录。</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Counted over every loan with this lender. File ▸ Export ▸ Complaint… writes them up for the regulator (12378) or the central bank (12363).</source>
        <translation>统计该出借方的全部借款。“文件 ▸ 导出 ▸ 投诉书…”可整理成投诉，提交监管（12378）或央行（12363）。</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>No notes yet. After every call or message, press {key} and write down when it was, who you spoke to, what was said and promised. Attach the recording or a screenshot: a dated record is what holds up later.</source>
        <translation>还没有记录。每次通话或收到消息后，按 {key} 记下时间、对方是谁、说了什么、承诺了什么。附上录音或截图：带日期的记录日后才站得住脚。</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>Show %n older note(s)</source>
        <translation>
            <numerusform>显示更早的 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n note(s) older than these</source>
        <translation>
            <numerusform>比这些更早的记录共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{lender}&apos;s collectors broke the rules {times} in {contacts}</source>
        <translation>{lender} 的催收在 {contacts}中违规 {times}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 次联系</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>✓ %n note(s), kept as written; every change is on record</source>
        <translation>
            <numerusform>✓ %n 条记录，均保持原样；每一次修改都有据可查</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ashore keeps a fingerprint (SHA-256) of every note, edit and deletion, in order, so a change made outside Ashore shows here. Latest fingerprint:
{h}
Drop recordings, screenshots or PDFs on a note to attach them.</source>
        <translation>Ashore 按顺序为每条记录、每次修改和删除保存一个指纹（SHA-256），在 Ashore 之外做的改动会在这里显示出来。最新指纹：
{h}
把录音、截图或 PDF 拖到记录上即可添加附件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✓ {notes} on {loans}, kept as written</source>
        <translation>✓ {loans}的 {notes}，均保持原样</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n loan(s)</source>
        <translation>
            <numerusform>%n 笔借款</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Broken record — changed outside Ashore since it was written:</source>
        <translation>记录已损坏——写入后曾在 Ashore 之外被改动：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the note of {when} ({note}): {what}</source>
        <translation>{when} 的记录（{note}）：{what}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>…and {n} more</source>
        <translation>……另有 {n} 处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run “ashore verify” for the full list; keep your backups.</source>
        <translation>运行“ashore verify”查看完整列表；请保留好备份。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Unsaved note</source>
        <translation>记录未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the note you are writing?</source>
        <translation>放弃正在写的记录吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard note</source>
        <translation>放弃记录</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A note on another loan could not be saved: {error}</source>
        <translation>另一笔借款上的记录无法保存：{error}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Write what was said before saving.</source>
        <translation>保存前请写下通话内容。</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+92"/>
        <source>the note of {when}</source>
        <translation>{when} 的记录</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Copying {name}…</source>
        <translation>正在复制 {name}…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Cancelled: nothing was stored.</source>
        <translation>已取消：没有保存任何内容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recorded call</source>
        <translation>通话录音</translation>
    </message>
</context>
<context>
    <name>NothingSelectedPage</name>
    <message>
        <location filename="../../src/ashore/ui/pages.py" line="+192"/>
        <source>Choose a loan on the left, or add a new one.</source>
        <translation>请在左侧选择一笔借款，或添加新借款。</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <location filename="../../src/ashore/ui/main_window.py" line="-322"/>
        <source>Opening your data…</source>
        <translation>正在打开你的数据…</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../src/ashore/ui/loan/overview.py" line="+74"/>
        <source>%1 % a year</source>
        <translation>年利率 %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % a month</source>
        <translation>月利率 %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % a day</source>
        <translation>日利率 %1 %</translation>
    </message>
    <message>
        <location line="+106"/>
        <location line="+145"/>
        <source>Owed today if nothing more is paid</source>
        <translation>今日欠款（如不再还款）</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Penalty interest</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fees</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added in 30 days</source>
        <translation>30 天内新增</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The lender&apos;s latest claim</source>
        <translation>出借方最新声称的金额</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The true yearly cost</source>
        <translation>真实年化成本</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+129"/>
        <source>Due and unpaid</source>
        <translation>已到期未还金额</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Left to pay under the plan</source>
        <translation>按计划还需还款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To settle today</source>
        <translation>今日结清需还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If the agreement fails</source>
        <translation>协议失效时应还</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Of it, %1 is the contract&apos;s own interest since the due date: interest, not penalty (a penalty waiver does not waive it).</source>
        <translation>其中 %1 是到期日之后按合同利率继续计收的利息：属于利息，不是罚息（减免罚息不会减免这部分）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Grows by %1 a day while nothing is paid: %2 in the next 30 days.</source>
        <translation>不还款时每天增加 %1：未来 30 天共增加 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grows by %1 a day while nothing is paid, by %2 in the next 30 days (with the installments falling due).</source>
        <translation>不还款时每天增加 %1，未来 30 天共增加 %2（含期间到期的分期）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Owed today under the agreement “%1”</source>
        <translation>按协议“%1”今日尚欠</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agreed installments missed</source>
        <translation>协议逾期未还金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of it is missed. A second default usually voids the agreement: pay it now.</source>
        <translation>其中 %1 已逾期。再次违约通常会导致协议作废：请立即还款。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>To settle today = owed today + the interest accrued since the last due date (and the prepayment fee, if the loan has one). Owed today counts what is due and the principal not yet due.</source>
        <translation>今日结清需还 = 今日欠款 + 自上一还款日以来产生的利息（借款如有提前结清手续费，也包括在内）。今日欠款包括已到期的金额和尚未到期的本金。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>+%1 accrued interest</source>
        <translation>另加已产生利息 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;%1&lt;/b&gt; a year by the IRR method, fees included (quoted: %2).</source>
        <translation>按 IRR 方法计算（含各项费用）年化 &lt;b&gt;%1&lt;/b&gt;（标称：%2）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+47"/>
        <source>To settle in full today: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>今天提前结清需要：&lt;b&gt;%1&lt;/b&gt;。</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>%1 was kept back when the money was paid out: you received %2, and the law counts the loan as that amount (Civil Code art. 670).</source>
        <translation>放款时预先扣除了 %1（砍头息）：你实际收到 %2，法律按实际收到的金额认定借款本金（《民法典》第六百七十条）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Being late costs %1 a year on the whole overdue amount in penalty and late fees, above the lines too: ask for them to be waived.</source>
        <translation>按全部逾期金额计算，逾期的罚息和滞纳金每年相当于 %1，同样超过上述标准：可以要求减免。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The agreement “%1”: &lt;b&gt;%2&lt;/b&gt; a year by the IRR method on the %3 it starts from (the contract: %4).</source>
        <translation>协议“%1”：按 IRR 方法，以起算金额 %3 计，年化 &lt;b&gt;%2&lt;/b&gt;（原合同：%4）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The agreement is a contract: pay each installment on time. If it fails, the lender may claim the contract&apos;s figure again.</source>
        <translation>协议是一份约定：请按时偿还每一期。协议一旦失效，出借方可能重新按原合同主张欠款。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Above %1, four times the LPR when the loan began: courts do not support interest, penalty and fees above it for private lending. Say so in the call and ask for what is above it to be waived.</source>
        <translation>超过 %1，即借款开始时一年期 LPR 的四倍：对民间借贷，法院不支持超过此线的利息、罚息和费用。在通话中指出这一点，并要求减免超出部分。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Above 24 %: regulators expect licensed consumer lenders to keep the whole cost below it. Ask the lender to bring the cost under it.</source>
        <translation>超过 24 %：监管要求持牌消费金融机构的综合融资成本不超过此线。请要求出借方将成本降到此线以下。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Above 36 %: interest above this line was never protected. Name it in the call and in your letter.</source>
        <translation>超过 36 %：超过此线的利息从未受法律保护。请在通话和信函中明确提出。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None recorded. Note what the lender says you owe on the Payments tab.</source>
        <translation>暂无记录。请在“还款”标签页记下出借方声称的欠款。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The lender asks %1 more than we compute: ask them to explain it.</source>
        <translation>对方要求的比我们计算的多 %1：请对方解释。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lender asks %1 less than we compute.</source>
        <translation>对方要求的比我们计算的少 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lender asks the same as we compute.</source>
        <translation>对方要求的与我们的计算一致。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On %1%2. Ours that day: %3.
%4</source>
        <translation>%1%2。我们当天的计算：%3。
%4</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is due and unpaid (%2 days overdue)%3: pay it, or agree a plan on Proposals.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 已到期未还（逾期 %2 天）%3：请还款，或在“方案”页协商还款计划。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, with %1 of penalty interest and late fees</source>
        <translation>，另有罚息和滞纳金 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Pay the missed installment first: %1&lt;/b&gt;, due on &lt;b&gt;%2&lt;/b&gt; (%3). A second default usually voids the agreement.</source>
        <translation>&lt;b&gt;请先还上逾期未还的这一期：%1&lt;/b&gt;，应还日 &lt;b&gt;%2&lt;/b&gt;（%3）。再次违约通常会导致协议作废。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>&lt;b&gt;Pay the %n missed installment(s) first: %1&lt;/b&gt;, due on &lt;b&gt;%2&lt;/b&gt; (the first %3). A second default usually voids the agreement.</source>
        <translation>
            <numerusform>&lt;b&gt;请先还上逾期未还的 %n 期：共 %1&lt;/b&gt;，应还日 &lt;b&gt;%2&lt;/b&gt;（最早一期%3）。再次违约通常会导致协议作废。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due today: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>今天到期：&lt;b&gt;%1&lt;/b&gt;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next due: &lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>下次应还：&lt;b&gt;%2&lt;/b&gt; 还 &lt;b&gt;%1&lt;/b&gt;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing is scheduled: everything owed is due now.</source>
        <translation>没有还款计划：所有欠款现在都已到期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing is owed.</source>
        <translation>没有欠款。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow-up with the lender was due on %1.</source>
        <translation>原定 %1 跟进出借方，已过期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow up with the lender on %1.</source>
        <translation>请于 %1 跟进出借方。</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <location filename="../../src/ashore/ui/payments/models.py" line="-82"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../src/ashore/ui/payments/tab.py" line="+111"/>
        <source>Record a payment</source>
        <translation>记录一笔还款</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Alipay, bank transfer, in the app…</source>
        <translation>支付宝、银行转账、App 内还款…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>transaction number</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record payment</source>
        <translation>记录还款</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+180"/>
        <source>Paid on</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <location line="-179"/>
        <location line="+179"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>⚠ %4 installments are overdue, the oldest %1 since %2 (%3 days): penalty and late fees grow every day.</source>
        <translation>⚠ 有 %4 期逾期，最早一期 %1 自 %2 起逾期（%3 天）：罚息和滞纳金每天都在增加。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ An installment of %1 is overdue since %2 (%3 days): penalty and late fees grow every day.</source>
        <translation>⚠ 有一期 %1 自 %2 起逾期（%3 天）：罚息和滞纳金每天都在增加。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>◷ %1 is due tomorrow (%2). Pay on time to keep the plan.</source>
        <translation>◷ 明天（%2）应还 %1。请按时还款以保持计划。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◷ %1 is due on %2, in %3 days. Pay on time to keep the plan.</source>
        <translation>◷ %2（%3 天后）应还 %1。请按时还款以保持计划。</translation>
    </message>
    <message numerus="yes">
        <location line="+105"/>
        <source>It is dated %1, %n day(s) from today.</source>
        <translation>
            <numerusform>还款日期为 %1，比今天晚 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-288"/>
        <source>Installments of the plan in force</source>
        <translation>生效计划的各期</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Payments made</source>
        <translation>已还款项</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete payment…</source>
        <translation>删除还款…</translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>⚠ You missed %n agreed installment(s): %1 (%2), the first %3 days ago. A second default usually voids the agreement: pay them now and tell the lender.</source>
        <translation>
            <numerusform>⚠ 你错过了 %n 期约定还款，共 %1（%2 到期），最早一期已过 %3 天。再次违约通常会导致协议作废：请立即还款并告知出借方。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>⚠ You missed the agreed installment of %1 due %2 (%3 days ago). A second default usually voids the agreement: pay it now and tell the lender.</source>
        <translation>⚠ 你错过了 %2 到期的约定还款 %1（%3 天前）。再次违约通常会导致协议作废：请立即还款并告知出借方。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>◷ %1 is due today (%2).</source>
        <translation>◷ 今天（%2）应还 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next: %1 due %2.</source>
        <translation>下一期：%2 应还 %1。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Record payment %1</source>
        <translation>记录还款 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment recorded: %1 on %2.</source>
        <translation>已记录还款：%2 还 %1。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>It is more than the %1 owed to settle the loan.</source>
        <translation>超过了结清这笔借款所需的 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record this payment?</source>
        <translation>记录这笔还款？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a payment of %1?</source>
        <translation>记录一笔 %1 的还款？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record it</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete payment</source>
        <translation>删除还款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the payment of %1 on %2?</source>
        <translation>删除 %2 的还款 %1？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PlanEntriesModel</name>
    <message>
        <location filename="../../src/ashore/ui/payments/models.py" line="-87"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still owed</source>
        <translation>仍欠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>original</source>
        <translation>原计划</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Coming</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due now</source>
        <translation>已到期</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Paid %n day(s) late</source>
        <translation>
            <numerusform>已还（逾期 %n 天）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProposalForm</name>
    <message>
        <location filename="../../src/ashore/ui/proposals/form.py" line="+125"/>
        <source>e.g. 24 months, penalty waived</source>
        <translation>例如：分 24 期，减免罚息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Takes effect on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Penalty waived (%)</source>
        <translation>罚息减免（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fees waived (%)</source>
        <translation>滞纳金减免（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interest waived (%)</source>
        <translation>利息减免（%）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not fixed until accepted: payments recorded from the start day on change these figures.</source>
        <translation>接受前不固定：起始日当天及之后记录的还款会改变这些数字，只有已接受的方案按约定不变。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save proposal</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Months</source>
        <translation>期数（月）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount a month</source>
        <translation>每月金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+45"/>
        <source>Yearly interest (%)</source>
        <translation>年利率（%）</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>First due (optional)</source>
        <translation>首期还款日（可选）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+24"/>
        <source>Pay by</source>
        <translation>还款截止日</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>an amount</source>
        <translation>固定金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a discount on what is owed</source>
        <translation>按欠款打折</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Settle with</source>
        <translation>结清方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount (% taken off)</source>
        <translation>减免比例（%）</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Starts from %1 owed at the start of %2</source>
        <translation>以 %2 当天开始时的欠款 %1 为起点</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>; the %1 paid from that day on counts toward the plan</source>
        <translation>；当天及之后已还的 %1 计入本方案的还款</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>pays %1 % = %2</source>
        <translation>实付 %1% = %2</translation>
    </message>
    <message>
        <location line="-310"/>
        <source>frozen</source>
        <translation>停止计息</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Accepted: these are the terms agreed with the lender, kept as agreed. To propose a change, Duplicate it.</source>
        <translation>已接受：这是与出借方约定的条款，按约定保留。如要提出修改，请先“复制”它。</translation>
    </message>
    <message>
        <location line="+280"/>
        <source>keeps accruing</source>
        <translation>继续计息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holiday months</source>
        <translation>延期月数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interest meanwhile</source>
        <translation>延期期间利息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then months of</source>
        <translation>之后分期月数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holiday starts (optional)</source>
        <translation>延期开始日（可选）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One per line: date and amount
2026-12-15 500.00</source>
        <translation>每行一笔：日期和金额
2026-12-15 500.00</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Installments</source>
        <translation>分期</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>The agreement is a contract: Duplicate it to propose a change.</source>
        <translation>协议是一份约定：如需修改，请复制后另提方案。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Starts from %1 owed on that day</source>
        <translation>以当天欠款 %1 为起点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (%1 waived)</source>
        <translation>（减免 %1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>.</source>
        <translation>。</translation>
    </message>
</context>
<context>
    <name>ProposalListModel</name>
    <message>
        <location filename="../../src/ashore/ui/proposals/models.py" line="-140"/>
        <source>Proposal</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>还款额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total to pay</source>
        <translation>应还总额</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>cannot be worked out</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>While an agreement is in force, the chart draws this proposal only while it is open below (and ticked).</source>
        <translation>协议生效期间，只有在下方打开（且已勾选）时，图表才会画出这个方案。</translation>
    </message>
</context>
<context>
    <name>ProposalsTab</name>
    <message>
        <location filename="../../src/ashore/ui/proposals/tab.py" line="+317"/>
        <source>Tick a proposal to show it on the chart.</source>
        <translation>勾选一个方案即可在图表上显示。</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept this proposal…</source>
        <translation>接受此方案…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Installments</source>
        <translation>分期</translation>
    </message>
    <message>
        <location line="+253"/>
        <source>%1 by %2.</source>
        <translation>%1（%2 前）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 from %2; %3 in all.</source>
        <translation>%1，自 %2 起；共 %3。</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>★ marks the best value of each row. Figures count from today.</source>
        <translation>★ 标出每行的最优值。数字从今天算起。</translation>
    </message>
    <message>
        <location line="-334"/>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status and history</source>
        <translation>状态与历史</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Record what happened</source>
        <translation>记录进展</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. agent 0231, by phone</source>
        <translation>例如：0231 号客服，电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what was said or offered</source>
        <translation>对方说了什么或给了什么方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With / to whom</source>
        <translation>对方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>An agreement is in force: the chart draws it, and the proposal open below when ticked. The other proposals are not drawn.</source>
        <translation>已有协议生效：图表画出该协议，以及下方打开且已勾选的方案；其他方案不会画出。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Save the proposal first; it starts as a draft.</source>
        <translation>请先保存方案，它会以草稿开始。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is %2.</source>
        <translation>“%1”当前状态：%2。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>— choose what happened (usually: Proposed, once sent) —</source>
        <translation>— 选择进展（通常：发出后选“已提出”）—</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— choose the lender&apos;s answer —</source>
        <translation>— 选择出借方的答复 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— choose what happened (usually: Proposed, your answer) —</source>
        <translation>— 选择进展（通常：回复后选“已提出”）—</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— it stands (choose only if it ended) —</source>
        <translation>— 协议有效（仅在协议终止时选择）—</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— choose what happened (a new draft to try again) —</source>
        <translation>— 选择进展（改为草稿再试一次）—</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— choose what happened —</source>
        <translation>— 选择进展 —</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accept this proposal</source>
        <translation>接受此方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record that the lender accepted “%1” today? From its start date its table is the plan in force, kept as agreed.</source>
        <translation>记录出借方今天接受了“%1”？自生效日起，其还款表即为现行计划，按约定保持不变。</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+40"/>
        <source>New proposal</source>
        <translation>新方案</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>★ marks the best value of each row. Figures count from %1, when the agreement began: payments made under it are counted in its column, so its saving stays.</source>
        <translation>★ 标出每行的最优值。数字从协议开始的 %1 算起：协议下的还款计入它的一列，所以它的节省不变。</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Proposal “%1” saved.</source>
        <translation>方案“%1”已保存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete proposal</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the proposal “%1” and its history?</source>
        <translation>删除方案“%1”及其历史？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Proposal “%1” deleted.</source>
        <translation>方案“%1”已删除。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Replace the agreement</source>
        <translation>替换协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is the agreement in force. Accepting “%2” withdraws it, and from its start date “%2” replaces the schedule everywhere.</source>
        <translation>“%1”是当前生效的协议。接受“%2”会撤回它，并从“%2”的开始日期起全面取代原还款计划。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Agreement recorded: “%1”, the plan in force from %2.</source>
        <translation>已记录协议：“%1”，自 %2 起为执行中的还款计划。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is now %2.</source>
        <translation>“%1”现为%2。</translation>
    </message>
    <message>
        <location line="-367"/>
        <location line="+344"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>on %1</source>
        <translation>于 %1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../src/ashore/ui/dialogs.py" line="+258"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>替身</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-8"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <location filename="../../src/ashore/ui/tray.py" line="+55"/>
        <source>Start at login in the tray</source>
        <translation>登录时在托盘中启动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment reminders come even when the window is closed</source>
        <translation>即使关闭窗口也能收到还款提醒</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open Ashore</source>
        <translation>打开 Ashore</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ashore</source>
        <translation>Ashore</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Ashore — no payment due</source>
        <translation>Ashore — 暂无待还款项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ashore — next payment {amount} on {day} ({loan})</source>
        <translation>Ashore — 下一笔还款 {amount}，{day}（{loan}）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Follow up: {loan}</source>
        <translation>跟进：{loan}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today you planned to follow up with the lender.</source>
        <translation>今天是你计划跟进出借方的日子。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>In %n day(s), on {day}, you planned to follow up.</source>
        <translation>
            <numerusform>%n 天后（{day}）是你计划跟进的日子。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>{amount} was due on {day} (%n day(s) ago). Today: pay it, call the lender before they call you, and note the call in Ashore.</source>
        <translation>
            <numerusform>{amount} 应于 {day} 还款（已过 %n 天）。今天：请还上，在对方来电前主动联系出借方，并在 Ashore 中记录通话。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Agreed payment: {loan}</source>
        <translation>约定还款：{loan}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pay {amount} today. The agreement holds only if every payment is on time.</source>
        <translation>今天请还 {amount}。每期按时还款，协议才有效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pay {amount} tomorrow ({day}).</source>
        <translation>明天（{day}）请还 {amount}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pay {amount} in {n} days, on {day}.</source>
        <translation>{n} 天后（{day}）请还 {amount}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Missed agreed payment: {loan}</source>
        <translation>错过约定还款：{loan}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>({n} agreed payments are late.)</source>
        <translation>（共有 {n} 期约定还款逾期。）</translation>
    </message>
</context>
<context>
    <name>SettlementBox</name>
    <message>
        <location filename="../../src/ashore/ui/guide/settlement.py" line="+50"/>
        <source>After the last payment</source>
        <translation>还清之后</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Record settlement</source>
        <translation>记录结清</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid off on</source>
        <translation>结清日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ask the lender for a settlement certificate (结清证明). It must state your name and ID number, the contract number, that the balance is zero, and carry the lender&apos;s seal. Keep it: it is what a credit-report dispute rests on.</source>
        <translation>请向出借方索取结清证明。证明上须写明你的姓名和身份证号、合同编号、余额为零，并加盖出借方公章。请妥善保存：征信异议要以它为依据。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Attach certificate…</source>
        <translation>附上结清证明…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>shows the loan settled</source>
        <translation>显示已结清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>still shows it overdue</source>
        <translation>仍显示逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record report</source>
        <translation>记录征信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit report of</source>
        <translation>征信报告日期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dispute letter…</source>
        <translation>异议申请书…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>When the last payment is made, record the day here: Ashore then reminds you of the certificate and the credit report, and shows when the record clears.</source>
        <translation>还清最后一笔后，在这里记录日期：Ashore 会提醒你索取结清证明、查询征信，并显示不良记录何时消除。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settled on {day}.</source>
        <translation>已于 {day} 结清。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The overdue record drops off your credit report on {day} (five years after settling).</source>
        <translation>逾期记录将于 {day} 从征信报告中消除（结清后五年）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check your credit report from {day} (the report updates within about a month; two free reports a year from the Credit Reference Center).</source>
        <translation>请从 {day} 起查询征信报告（报告约一个月内更新；征信中心每年可免费查询两次）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That day has come.</source>
        <translation>这一天已经到了。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The credit report of {day} shows the loan settled.</source>
        <translation>{day} 的征信报告显示该借款已结清。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The credit report of {day} still shows the loan overdue.</source>
        <translation>{day} 的征信报告仍显示该借款逾期。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certificate: {name} (SHA-256 {sha}…)</source>
        <translation>结清证明：{name}（SHA-256 {sha}…）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No certificate kept yet.</source>
        <translation>尚未保存结清证明。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The report is wrong: send the Credit Reference Center a dispute with the certificate. It must answer within 20 days.</source>
        <translation>征信报告有误：请附上结清证明向征信中心提出异议。征信中心须在 20 日内答复。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Settlement certificate</source>
        <translation>结清证明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF or picture (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>PDF 或图片 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Dispute letter</source>
        <translation>异议申请书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Credit report dispute</source>
        <translation>征信异议申请</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <location filename="../../src/ashore/ui/loan/sidebar.py" line="-267"/>
        <source>Lender / loan</source>
        <translation>出借方 / 借款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owed today</source>
        <translation>今日欠款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n loan(s)</source>
        <translation>
            <numerusform>%n 笔借款</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hours: %1</source>
        <translation>服务时间：%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 owed today (%2)</source>
        <translation>今日欠款 %1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next due %1</source>
        <translation>下次还款 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Negotiation: %1. Next: %2</source>
        <translation>协商进度：%1。下一步：%2</translation>
    </message>
</context>
<context>
    <name>UpcomingModel</name>
    <message>
        <location filename="../../src/ashore/ui/loan/dashboard.py" line="-93"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loan</source>
        <translation>借款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lender</source>
        <translation>出借方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>since %1</source>
        <translation>%1 起</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 overdue + charges</source>
        <translation>%1 期逾期＋罚息滞纳金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue + charges</source>
        <translation>逾期＋罚息滞纳金</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 overdue</source>
        <translation>%1 期逾期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 installments unpaid since %2</source>
        <translation>自 %2 起 %1 期未还</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unpaid since %2</source>
        <translation>自 %2 起未还</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 due and unpaid + %3 penalty interest + %4 late fees = %5 to pay</source>
        <translation>%1：已到期未还 %2 + 罚息 %3 + 滞纳金 %4 = 需还 %5</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>WaitingTab</name>
    <message>
        <location filename="../../src/ashore/ui/pages.py" line="-299"/>
        <source>Save the loan first: its figures, plans, payments and notes come here.</source>
        <translation>请先保存这笔借款：它的金额、方案、还款和记录会显示在这里。</translation>
    </message>
</context>
<context>
    <name>Warning</name>
    <message>
        <location filename="../../src/ashore/ui/messages.py" line="-129"/>
        <source>%1: follow up with the lender today.</source>
        <translation>%1：今天请跟进出借方。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: agreed payment of %2 is due today.</source>
        <translation>%1：约定还款 %2 今天到期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the agreement is paid off (last payment %2). Check your credit report shows the overdue cleared, and record what it says.</source>
        <translation>%1：协议已还清（最后一笔还款 %2）。请查看征信报告是否显示逾期已结清，并记录结果。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: “%2” needs %3 a month; with %5 agreed on other loans that is %6, %7 over your monthly budget of %8.</source>
        <translation>%1：“%2”每月需还 %3；加上其他借款已约定的 %5，共 %6，超出每月预算 %8 达 %7。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: “%2” needs %3 at once by %4; with %5 agreed on other loans that is %6, %7 over your monthly budget of %8.</source>
        <translation>%1：“%2”需在 %4 前一次性还 %3；加上其他借款已约定的 %5，共 %6，超出每月预算 %8 达 %7。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../src/ashore/ui/pages.py" line="+256"/>
        <source>Welcome to Ashore</source>
        <translation>欢迎使用 Ashore</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ashore keeps every loan you are behind on in one place: what you owe each lender today and how fast it grows, what each offer would cost you, what was said on every call, and what to pay on which day.

Your data stays on this computer.</source>
        <translation>Ashore 把你所有逾期的借款集中在一处：今天欠每个出借方多少、增长得有多快、每个方案要花多少钱、每次通话说了什么，以及哪天该还多少。

你的数据只保存在这台电脑上。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add your first loan</source>
        <translation>添加第一笔借款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a sample to look around</source>
        <translation>打开示例看看</translation>
    </message>
</context>
</TS>
