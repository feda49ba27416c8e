extension User {
    private enum CodingKeys: String, CodingKey {
        case id, firstName, lastName, profile, enterpriseNumber, mobileNumber, faxNumber, email, company, department
        case title, keywords, extraInfo, groups, permissions, badgeIDs, calendar, showsRole
    }

    /// Decodes a user; list fields and `showsRole` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(UserID.self, forKey: .id),
            firstName: try c.decode(String.self, forKey: .firstName),
            lastName: try c.decode(String.self, forKey: .lastName),
            profile: try c.decode(BaseProfile.self, forKey: .profile),
            enterpriseNumber: try c.decodeIfPresent(PhoneNumber.self, forKey: .enterpriseNumber),
            mobileNumber: try c.decodeIfPresent(PhoneNumber.self, forKey: .mobileNumber),
            faxNumber: try c.decodeIfPresent(PhoneNumber.self, forKey: .faxNumber),
            email: try c.decodeIfPresent(String.self, forKey: .email),
            company: try c.decodeIfPresent(String.self, forKey: .company),
            department: try c.decodeIfPresent(String.self, forKey: .department),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
            extraInfo: try c.decodeIfPresent(String.self, forKey: .extraInfo),
            groups: try c.decodeIfPresent([GroupID].self, forKey: .groups) ?? [],
            permissions: try c.decodeIfPresent(Set<Permission>.self, forKey: .permissions) ?? [],
            badgeIDs: try c.decodeIfPresent([String].self, forKey: .badgeIDs) ?? [],
            calendar: try c.decodeIfPresent(String.self, forKey: .calendar),
            showsRole: try c.decodeIfPresent(Bool.self, forKey: .showsRole) ?? false
        )
    }

    /// Encodes a user; absent optionals are left out, permissions sorted for stable output.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encode(profile, forKey: .profile)
        try c.encodeIfPresent(enterpriseNumber, forKey: .enterpriseNumber)
        try c.encodeIfPresent(mobileNumber, forKey: .mobileNumber)
        try c.encodeIfPresent(faxNumber, forKey: .faxNumber)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(company, forKey: .company)
        try c.encodeIfPresent(department, forKey: .department)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encode(keywords, forKey: .keywords)
        try c.encodeIfPresent(extraInfo, forKey: .extraInfo)
        try c.encode(groups, forKey: .groups)
        try c.encode(permissions.map(\.rawValue).sorted(), forKey: .permissions)
        try c.encode(badgeIDs, forKey: .badgeIDs)
        try c.encodeIfPresent(calendar, forKey: .calendar)
        try c.encode(showsRole, forKey: .showsRole)
    }
}
