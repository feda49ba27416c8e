extension Tenant {
    private enum CodingKeys: String, CodingKey { case id, name, timeZone, countryCode, licences }

    /// Decodes a tenant; time zone, country code and licences default as in ``init(id:name:timeZone:countryCode:licences:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(TenantID.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone) ?? "Europe/Helsinki",
            countryCode: try c.decodeIfPresent(String.self, forKey: .countryCode) ?? "358",
            licences: try c.decodeIfPresent([AddOn: Int].self, forKey: .licences) ?? [:])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(countryCode, forKey: .countryCode)
        try c.encode(licences, forKey: .licences)
    }
}
