<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/loan/sidebar.py" line="+81"/>
        <source>Overdue %n day(s)</source>
        <translation>
            <numerusform>Overdue %n day</numerusform>
            <numerusform>Overdue %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/messages.py" line="+33"/>
        <source>%1: the follow-up of %2 passed %n day(s) ago with no note since; call the lender again.</source>
        <translation>
            <numerusform>%1: the follow-up of %2 passed %n day ago with no note since; call the lender again.</numerusform>
            <numerusform>%1: the follow-up of %2 passed %n days ago with no note since; call the lender again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1: agreed payment of %2 is due in %n day(s), on %4.</source>
        <translation>
            <numerusform>%1: agreed payment of %2 is due in %n day, on %4.</numerusform>
            <numerusform>%1: agreed payment of %2 is due in %n days, on %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/payments/models.py" line="+49"/>
        <source>The agreement has had %n late payment(s): the last, due %1, was paid on %2. Lenders often end an agreement at the second late payment: check what yours says, and pay the next ones on time.</source>
        <translation>
            <numerusform>The agreement has had %n late payment: the last, due %1, was paid on %2. Lenders often end an agreement at the second late payment: check what yours says, and pay the next ones on time.</numerusform>
            <numerusform>The agreement has had %n late payments: the last, due %1, was paid on %2. Lenders often end an agreement at the second late payment: check what yours says, and pay the next ones on time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/loan/dashboard.py" line="+411"/>
        <source>%n loan(s) · today %2</source>
        <translation>
            <numerusform>%n loan · today %2</numerusform>
            <numerusform>%n loans · today %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LenderPage</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/pages.py" line="+305"/>
        <source>%n loan(s)</source>
        <translation>
            <numerusform>%n loan</numerusform>
            <numerusform>%n loans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/notes/card.py" line="+273"/>
        <source>Show history (%n earlier version(s))</source>
        <translation>
            <numerusform>Show history (%n earlier version)</numerusform>
            <numerusform>Show history (%n earlier versions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesHookup</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/notes/window.py" line="+107"/>
        <source>%n file(s) attached to {note}.</source>
        <translation>
            <numerusform>%n file attached to {note}.</numerusform>
            <numerusform>%n files attached to {note}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n breach(es)</source>
        <translation>
            <numerusform>%n breach</numerusform>
            <numerusform>%n breaches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/notes/pane.py" line="+440"/>
        <source>Show %n older note(s)</source>
        <translation>
            <numerusform>Show %n older note</numerusform>
            <numerusform>Show %n older notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n note(s) older than these</source>
        <translation>
            <numerusform>%n note older than these</numerusform>
            <numerusform>%n notes older than these</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>✓ %n note(s), kept as written; every change is on record</source>
        <translation>
            <numerusform>✓ %n note, kept as written; every change is on record</numerusform>
            <numerusform>✓ %n notes, kept as written; every change is on record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n loan(s)</source>
        <translation>
            <numerusform>%n loan</numerusform>
            <numerusform>%n loans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/loan/overview.py" line="+596"/>
        <source>&lt;b&gt;Pay the %n missed installment(s) first: %1&lt;/b&gt;, due on &lt;b&gt;%2&lt;/b&gt; (the first %3). A second default usually voids the agreement.</source>
        <translation>
            <numerusform>&lt;b&gt;Pay the %n missed installment first: %1&lt;/b&gt;, due on &lt;b&gt;%2&lt;/b&gt; (the first %3). A second default usually voids the agreement.</numerusform>
            <numerusform>&lt;b&gt;Pay the %n missed installments first: %1&lt;/b&gt;, due on &lt;b&gt;%2&lt;/b&gt; (the first %3). A second default usually voids the agreement.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/payments/tab.py" line="+243"/>
        <source>⚠ You missed %n agreed installment(s): %1 (%2), the first %3 days ago. A second default usually voids the agreement: pay them now and tell the lender.</source>
        <translation>
            <numerusform>⚠ You missed %n agreed installment: %1 (%2), the first %3 days ago. A second default usually voids the agreement: pay them now and tell the lender.</numerusform>
            <numerusform>⚠ You missed %n agreed installments: %1 (%2), the first %3 days ago. A second default usually voids the agreement: pay them now and tell the lender.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+139"/>
        <source>It is dated %1, %n day(s) from today.</source>
        <translation>
            <numerusform>It is dated %1, %n day from today.</numerusform>
            <numerusform>It is dated %1, %n days from today.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanEntriesModel</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/payments/models.py" line="+84"/>
        <source>Paid %n day(s) late</source>
        <translation>
            <numerusform>Paid %n day late</numerusform>
            <numerusform>Paid %n days late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/tray.py" line="+166"/>
        <source>In %n day(s), on {day}, you planned to follow up.</source>
        <translation>
            <numerusform>In %n day, on {day}, you planned to follow up.</numerusform>
            <numerusform>In %n days, on {day}, you planned to follow up.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>{amount} was due on {day} (%n day(s) ago). Today: pay it, call the lender before they call you, and note the call in Ashore.</source>
        <translation>
            <numerusform>{amount} was due on {day} (%n day ago). Today: pay it, call the lender before they call you, and note the call in Ashore.</numerusform>
            <numerusform>{amount} was due on {day} (%n days ago). Today: pay it, call the lender before they call you, and note the call in Ashore.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message numerus="yes">
        <location filename="../../src/ashore/ui/loan/sidebar.py" line="+190"/>
        <source>%n loan(s)</source>
        <translation>
            <numerusform>%n loan</numerusform>
            <numerusform>%n loans</numerusform>
        </translation>
    </message>
</context>
</TS>
