import Foundation

/// SOAP request bodies for Exchange Web Services, as pure functions.
enum EWSRequest {
    /// Properties FindItem asks for; those marked detail may be missing on some builds and are fetched with GetItem.
    static let findFields = [
        "item:Subject", "calendar:Start", "calendar:End", "calendar:IsAllDayEvent", "calendar:LegacyFreeBusyStatus",
        "calendar:IsCancelled", "calendar:CalendarItemType", "item:Sensitivity", "item:Categories", "calendar:MyResponseType",
    ]
    /// Properties GetItem fetches for items FindItem returned without them.
    static let detailFields = ["item:Sensitivity", "item:Categories", "calendar:MyResponseType"]

    /// FindItem with a CalendarView of `mailbox`'s calendar from `start` to `end`, impersonating `mailbox`.
    static func findItem(mailbox: String, start: Date, end: Date, maxEntries: Int, version: String) -> Data {
        let fields = findFields.map { "<t:FieldURI FieldURI=\"\($0)\"/>" }.joined()
        return envelope(mailbox: mailbox, version: version, body: """
            <m:FindItem Traversal="Shallow">\
            <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>\(fields)</t:AdditionalProperties></m:ItemShape>\
            <m:CalendarView MaxEntriesReturned="\(maxEntries)" StartDate="\(timestamp(start))" EndDate="\(timestamp(end))"/>\
            <m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>\(escape(mailbox))</t:EmailAddress>\
            </t:Mailbox></t:DistinguishedFolderId></m:ParentFolderIds>\
            </m:FindItem>
            """)
    }

    /// GetItem of `ids` (Id, ChangeKey) with the detail properties, impersonating `mailbox`.
    static func getItem(mailbox: String, ids: [(id: String, changeKey: String?)], version: String) -> Data {
        let fields = detailFields.map { "<t:FieldURI FieldURI=\"\($0)\"/>" }.joined()
        let itemIDs = ids.map { item in
            "<t:ItemId Id=\"\(escape(item.id))\"" + (item.changeKey.map { " ChangeKey=\"\(escape($0))\"" } ?? "") + "/>"
        }.joined()
        return envelope(mailbox: mailbox, version: version, body: """
            <m:GetItem>\
            <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>\(fields)</t:AdditionalProperties></m:ItemShape>\
            <m:ItemIds>\(itemIDs)</m:ItemIds>\
            </m:GetItem>
            """)
    }

    private static func envelope(mailbox: String, version: String, body: String) -> Data {
        Data("""
            <?xml version="1.0" encoding="utf-8"?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" \
            xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" \
            xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">\
            <soap:Header><t:RequestServerVersion Version="\(escape(version))"/>\
            <t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>\(escape(mailbox))</t:PrimarySmtpAddress>\
            </t:ConnectingSID></t:ExchangeImpersonation></soap:Header>\
            <soap:Body>\(body)</soap:Body></soap:Envelope>
            """.utf8)
    }

    /// `2026-12-01T00:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// XML text/attribute escaping.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
