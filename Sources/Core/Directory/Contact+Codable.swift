extension Contact {
    private enum CodingKeys: String, CodingKey { case id, scope, user, name, company, numbers, email, note }

    /// Decodes a contact; `numbers` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ContactID.self, forKey: .id),
            scope: try c.decode(ContactScope.self, forKey: .scope),
            user: try c.decodeIfPresent(UserID.self, forKey: .user),
            name: try c.decode(String.self, forKey: .name),
            company: try c.decodeIfPresent(String.self, forKey: .company),
            numbers: try c.decodeIfPresent([LabelledNumber].self, forKey: .numbers) ?? [],
            email: try c.decodeIfPresent(String.self, forKey: .email),
            note: try c.decodeIfPresent(String.self, forKey: .note))
    }

    /// Encodes a contact; absent optionals are left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(scope, forKey: .scope)
        try c.encodeIfPresent(user, forKey: .user)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(company, forKey: .company)
        try c.encode(numbers, forKey: .numbers)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(note, forKey: .note)
    }
}
