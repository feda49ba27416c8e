extension CallbackRequest {
    /// A field by JSON path in a JSON body, else the query or form field of that name.
    public func value(_ name: String) -> String? {
        if let json, let path = JSONPath(name), let text = path.text(in: json) { return text }
        return field(name)
    }
}
