/// A searchable field of a directory entry; search hits name the field they matched (DIR-6).
public enum DirectoryField: String, Codable, Sendable, CaseIterable, Hashable {
    case firstName
    case lastName
    case name
    case enterpriseNumber
    case mobileNumber
    case faxNumber
    case number
    case email
    case company
    case department
    case title
    case keywords
    case extraInfo

    /// Whether values are phone numbers, matched by digits in E.164 or national form.
    public var isNumber: Bool { [.enterpriseNumber, .mobileNumber, .faxNumber, .number].contains(self) }
}

/// What a directory entry is: a user or a contact.
public enum DirectoryRef: Hashable, Sendable, Codable {
    case user(UserID)
    case contact(ContactID)
}

/// One searchable entry: a reference and its field values.
public struct DirectoryEntry: Sendable, Equatable {
    /// The user or contact this entry describes.
    public var ref: DirectoryRef
    /// A label to order results by (usually "Last First").
    public var sortKey: String
    /// The searchable values, one per field occurrence.
    public var fields: [Field]

    /// One value of one field (a field may appear several times, e.g. keywords).
    public struct Field: Sendable, Equatable {
        /// Which directory field the value belongs to.
        public var field: DirectoryField
        /// The field's text as stored (a name, an E.164 number, an e-mail address …).
        public var value: String

        /// Creates one value of `field`.
        public init(_ field: DirectoryField, _ value: String) {
            self.field = field
            self.value = value
        }
    }

    /// Creates an entry from its reference, sort label and field values.
    public init(ref: DirectoryRef, sortKey: String, fields: [Field]) {
        self.ref = ref
        self.sortKey = sortKey
        self.fields = fields
    }
}

extension DirectoryEntry {
    /// The searchable fields of a user (DIR-5).
    public init(user: User) {
        var fields: [Field] = [.init(.firstName, user.firstName), .init(.lastName, user.lastName)]
        let numbers: [(DirectoryField, PhoneNumber?)] = [
            (.enterpriseNumber, user.enterpriseNumber), (.mobileNumber, user.mobileNumber), (.faxNumber, user.faxNumber),
        ]
        for case let (field, number?) in numbers { fields.append(.init(field, number.e164)) }
        let texts: [(DirectoryField, String?)] = [
            (.email, user.email), (.company, user.company), (.department, user.department), (.title, user.title),
            (.extraInfo, user.extraInfo),
        ]
        for case let (field, text?) in texts where !text.isEmpty { fields.append(.init(field, text)) }
        fields += user.keywords.map { .init(.keywords, $0) }
        self.init(ref: .user(user.id), sortKey: "\(user.lastName) \(user.firstName)", fields: fields)
    }

    /// The searchable fields of a contact (DIR-7).
    public init(contact: Contact) {
        var fields: [Field] = [.init(.name, contact.name)]
        if let company = contact.company { fields.append(.init(.company, company)) }
        if let email = contact.email { fields.append(.init(.email, email)) }
        fields += contact.numbers.map { .init(.number, $0.number.e164) }
        self.init(ref: .contact(contact.id), sortKey: contact.name, fields: fields)
    }
}
