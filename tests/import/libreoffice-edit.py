"""Edits a DOCX the way a reviewer does in LibreOffice, through UNO, and saves it as Word 2007 XML.

usage: /usr/bin/python3 libreoffice-edit.py PORT IN.docx OUT.docx EDITS.json
EDITS is a list of {"op": ..., ...}; "track" turns change tracking on or off for the edits after it.
The reviewer is "Delegate of Japan" (LibreOffice's user name, which it writes as each change's author).
The caller starts soffice with --accept on PORT and stops it by its PID.
"""
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not answer on port %s" % port)


def find(doc, text):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    search.SearchCaseSensitive = True
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit("not found in the document: %r" % text)
    return found


def paragraph_cursor(doc, bookmark):
    anchor = doc.getBookmarks().getByName(bookmark).getAnchor()
    cursor = anchor.getText().createTextCursorByRange(anchor.getStart())
    cursor.gotoStartOfParagraph(False)
    return cursor


def set_reviewer(ctx, given, surname):
    """Tools > Options > User Data: the name LibreOffice gives its tracked changes and comments."""
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", surname)
    access.commitChanges()


def edit_copy(desktop, source, target, edits):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    text = doc.getText()
    for edit in edits:
        op = edit["op"]
        if op == "track":
            doc.RecordChanges = edit["on"]
        elif op == "insert-after":  # insert words right after a phrase
            found = find(doc, edit["after"])
            found.getText().insertString(found.getEnd(), edit["text"], False)
        elif op == "replace":  # delete (text "") or replace a phrase
            find(doc, edit["find"]).setString(edit["text"])
        elif op == "bold":
            find(doc, edit["find"]).CharWeight = 150.0
        elif op == "insert-paragraph-after":  # a new paragraph after the one holding a bookmark
            cursor = paragraph_cursor(doc, edit["bookmark"])
            cursor.gotoEndOfParagraph(False)
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            text.insertString(cursor, edit["text"], False)
        elif op == "insert-paragraph-after-text":  # a new paragraph after the one holding a phrase
            found = find(doc, edit["after"])
            cursor = found.getText().createTextCursorByRange(found.getEnd())
            cursor.gotoEndOfParagraph(False)
            found.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            found.getText().insertString(cursor, edit["text"], False)
        elif op == "delete-paragraph":  # the whole paragraph, its mark included
            cursor = paragraph_cursor(doc, edit["bookmark"])
            cursor.gotoEndOfParagraph(True)
            cursor.goRight(1, True)
            cursor.setString("")
        elif op == "footnote":
            found = find(doc, edit["after"])
            note = doc.createInstance("com.sun.star.text.Footnote")
            found.getText().insertTextContent(found.getEnd(), note, False)
            note.setString(edit["text"])
        elif op == "link":  # Insert > Hyperlink on a phrase
            find(doc, edit["find"]).HyperLinkURL = edit["url"]
        elif op == "style-font":  # Styles > Edit Style… > Font, on a paragraph style, by its name
            doc.getStyleFamilies().getByName("ParagraphStyles").getByName(edit["style"]).CharFontName = edit["font"]
        elif op == "update-fields":  # Tools > Update > Fields
            doc.getTextFields().refresh()
        else:
            raise SystemExit("unknown edit: %s" % op)
    doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)


def main():
    # One listener, several copies in turn, each saved by its own reviewer (Tools > Options > User Data).
    port, copies = sys.argv[1], json.load(open(sys.argv[2]))
    ctx = connect(port)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    for copy in copies:
        set_reviewer(ctx, *copy["reviewer"])
        edit_copy(desktop, copy["source"], copy["target"], copy["edits"])


main()
