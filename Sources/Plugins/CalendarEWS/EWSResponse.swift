/// What an EWS answer says, read by ``EWSResponseParser``.
struct EWSResponse: Sendable, Equatable {
    /// One `*ResponseMessage` per request element (one per FindItem, one per item of GetItem).
    var messages: [EWSResponseMessage] = []
    /// A SOAP fault instead of messages (e.g. ErrorServerBusy with HTTP 500).
    var fault: EWSFault?
}

/// One `FindItemResponseMessage` / `GetItemResponseMessage`.
struct EWSResponseMessage: Sendable, Equatable {
    /// `Success`, `Warning` or `Error`.
    var responseClass = ""
    /// `NoError`, `ErrorServerBusy`, `ErrorNonExistentMailbox` …
    var responseCode: String?
    /// Human text of an error.
    var messageText: String?
    /// `MessageXml/Value[@Name="BackOffMilliseconds"]` of a throttling error.
    var backOffMilliseconds: Int?
    /// `RootFolder/@IncludesLastItemInRange` of FindItem; false means the view was cut at MaxEntriesReturned.
    var includesLastItemInRange: Bool?
    /// `RootFolder/@TotalItemsInView` of FindItem.
    var totalItemsInView: Int?
    /// The calendar items.
    var items: [EWSCalendarItem] = []
}

/// A SOAP `Fault`.
struct EWSFault: Sendable, Equatable {
    /// `faultcode`, prefix removed (`ErrorServerBusy`, `Client`).
    var code = ""
    /// `faultstring`.
    var text = ""
    /// `detail/ResponseCode`.
    var responseCode: String?
    /// `detail/MessageXml/Value[@Name="BackOffMilliseconds"]`.
    var backOffMilliseconds: Int?
}

/// One `t:CalendarItem` as EWS sends it (text values, converted by ``EWSCalendarItem/block()``).
struct EWSCalendarItem: Sendable, Equatable {
    var id = ""
    var changeKey: String?
    var subject: String?
    var start: String?
    var end: String?
    var isAllDayEvent: String?
    var legacyFreeBusyStatus: String?
    var isCancelled: String?
    var calendarItemType: String?
    var sensitivity: String?
    var categories: [String]?
    var myResponseType: String?

    /// Whether GetItem must fill in fields FindItem left out.
    var lacksDetails: Bool { sensitivity == nil || myResponseType == nil }

    /// Takes the detail fields of `other` (a GetItem answer for the same id).
    mutating func merge(details other: EWSCalendarItem) {
        sensitivity = other.sensitivity ?? sensitivity
        categories = other.categories ?? categories
        myResponseType = other.myResponseType ?? myResponseType
    }
}
