import Foundation
import HubCore
import HubPluginSupport

extension HTTPSMSPlugin.Settings {
    /// Applies the preset, checks every value and resolves secrets; throws ``PluginError/misconfigured(_:)``
    /// naming the first bad key.
    func resolve(environment: [String: String]) throws(PluginError) -> HTTPGatewayConfig {
        func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
        let address = try listen.map { text throws(PluginError) -> ListenAddress in
            guard let address = ListenAddress(parsing: text) else { throw bad(.listen, "'\(text)' is not host:port") }
            return address
        }
        var base: HTTPGatewayPreset?
        if let preset {
            guard let found = HTTPGatewayPreset.named(preset, withCallback: address != nil) else {
                throw bad(.preset, "'\(preset)' is not one of \(HTTPGatewayPreset.names.joined(separator: ", "))")
            }
            base = found
        }
        let method = (method ?? base?.method ?? "POST").uppercased()
        guard ["GET", "POST", "PUT"].contains(method) else { throw bad(.method, "'\(method)' is not GET, POST or PUT") }
        guard let urlText = url ?? base?.url else { throw bad(.url, "required (or choose a preset)") }
        let formatText = format ?? base?.format.rawValue ?? "form"
        guard let format = HTTPBodyFormat(rawValue: formatText) else { throw bad(.format, "'\(formatText)' is not form, query, json or text") }
        let formFields = (form ?? base?.form ?? [:]).sorted { $0.key < $1.key }.map { (name: $0.key, value: MessageTemplate($0.value)) }
        let bodyTemplate = (body ?? base?.body).map(MessageTemplate.init)
        switch format {
        case .form, .query: if formFields.isEmpty { throw bad(.form, "format \(format.rawValue) needs form fields") }
        case .json, .text: if bodyTemplate == nil { throw bad(.body, "format \(format.rawValue) needs a body template") }
        }
        for name in variables.keys where HTTPGatewayConfig.builtinPlaceholders.contains(name) || MessageTemplate("{\(name)}").placeholders != [name] {
            throw bad(.variables, "'\(name)' is a built-in placeholder or not a name of letters, digits and _")
        }
        let known = HTTPGatewayConfig.builtinPlaceholders.union(variables.keys)
        let headerTemplates = headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: MessageTemplate($0.value)) }
        let urlTemplate = MessageTemplate(urlText)
        let templates: [(Keys, MessageTemplate)] = [(.url, urlTemplate)] + headerTemplates.map { (.headers, $0.value) }
            + formFields.map { (.form, $0.value) } + (bodyTemplate.map { [(.body, $0)] } ?? [])
        for (key, template) in templates {
            if let unknown = template.placeholders.subtracting(known).sorted().first {
                throw bad(key, "unknown placeholder {\(unknown)} (built-in: \(HTTPGatewayConfig.builtinPlaceholders.sorted().joined(separator: ", ")); others go in settings.variables)")
            }
        }
        let sample = Dictionary(uniqueKeysWithValues: known.map { ($0, "x\"\\\n") })
        guard let sampleURL = try? urlTemplate.render(sample, for: .url), HTTPURLCheck.isHTTP(sampleURL) else {
            throw bad(.url, "'\(urlText)' is not an http(s) URL")
        }
        if format == .json, let bodyTemplate {
            let rendered = (try? bodyTemplate.render(sample, for: .json)) ?? ""
            if (try? JSONSerialization.jsonObject(with: Data(rendered.utf8))) == nil {
                throw bad(.body, "is not valid JSON once placeholders are filled (write \"{text}\" in quotes)")
            }
        }
        let auth = try resolveAuth(base: base, environment: environment)
        let rule = try resolveRule(base: base)
        let token = try SecretSetting.resolve(value: callbackToken, variable: callbackTokenEnv, key: "callback_token", environment: environment)
        if let callbackURL, !HTTPURLCheck.isHTTP(callbackURL) || callbackURL.contains("?") {
            throw bad(.callbackURL, "'\(callbackURL)' is not an http(s) URL without a query")
        }
        if callbackURL != nil && address == nil { throw bad(.callbackURL, "needs settings.listen") }
        let reports = try resolveReports(base: base, extractsID: rule.extractsID)
        let incoming = try resolveIncoming(base: base)
        if !(1...255).contains(maxParts) { throw bad(.maxParts, "must be between 1 and 255") }
        if !(Duration.seconds(1)...Duration.seconds(300)).contains(requestTimeout.duration) {
            throw bad(.requestTimeout, "must be between 1s and 5m")
        }
        if !(1...64).contains(maxInFlight) { throw bad(.maxInFlight, "must be between 1 and 64") }
        return HTTPGatewayConfig(
            method: method, url: urlTemplate, headers: headerTemplates, format: format, form: formFields, body: bodyTemplate,
            contentType: contentType, auth: auth, variables: variables, rule: rule, listen: address,
            callbackURL: callbackURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }, callbackToken: token,
            deliveryReports: reports, incoming: incoming, maxParts: maxParts,
            timeout: requestTimeout.duration)
    }

    private func resolveAuth(base: HTTPGatewayPreset?, environment: [String: String]) throws(PluginError) -> HTTPAuth? {
        let kind = auth ?? base?.auth ?? "none"
        switch kind {
        case "none": return nil
        case "basic":
            guard let username, !username.isEmpty else { throw .misconfigured("settings.username: required for auth = \"basic\"") }
            guard let secret = try SecretSetting.resolve(value: password, variable: passwordEnv, key: "password", environment: environment) else {
                throw .misconfigured("settings.password: required for auth = \"basic\" (or password_env)")
            }
            return .basic(user: username, password: secret)
        case "bearer":
            guard let secret = try SecretSetting.resolve(value: token, variable: tokenEnv, key: "token", environment: environment), !secret.isEmpty
            else { throw .misconfigured("settings.token: required for auth = \"bearer\" (or token_env)") }
            return .bearer(secret)
        default:
            throw .misconfigured("settings.auth: '\(kind)' is not none, basic or bearer")
        }
    }

    private func resolveRule(base: HTTPGatewayPreset?) throws(PluginError) -> ResponseRule {
        let success = Set(successStatus ?? base?.successStatus ?? Array(200...299))
        let retry = retryStatus.map(Set.init) ?? ResponseRule.defaultRetryStatus
        for code in success.union(retry) where !(100...599).contains(code) {
            throw .misconfigured("settings.\(successStatus?.contains(code) == true ? "success_status" : "retry_status"): \(code) is not an HTTP status")
        }
        if success.isEmpty { throw .misconfigured("settings.success_status: must name at least one status") }
        if let overlap = success.intersection(retry).min() {
            throw .misconfigured("settings.retry_status: \(overlap) is also a success status")
        }
        var path: JSONPath?
        if let text = idJSONPath ?? base?.idJSONPath {
            guard let parsed = JSONPath(text) else { throw .misconfigured("settings.id_json_path: '\(text)' is not a dotted path") }
            path = parsed
        }
        if let idRegex {
            guard let regex = try? Regex(idRegex) else { throw .misconfigured("settings.id_regex: '\(idRegex)' is not a regular expression") }
            _ = regex
        }
        return ResponseRule(successStatus: success, retryStatus: retry, idPath: path, idPattern: idRegex)
    }

    private func resolveReports(base: HTTPGatewayPreset?, extractsID: Bool) throws(PluginError) -> DeliveryReportMapping? {
        if dlrReferenceField != nil && !extractsID {
            throw .misconfigured("settings.dlr_reference_field: needs id_json_path or id_regex to learn the provider's id")
        }
        guard let status = dlrStatusField ?? base?.dlrStatusField else {
            if dlrDelivered != nil || dlrFailed != nil { throw .misconfigured("settings.dlr_status_field: required with dlr_delivered/dlr_failed") }
            return nil
        }
        let delivered = dlrDelivered ?? base?.delivered ?? ["delivered"]
        let failed = dlrFailed ?? base?.failed ?? ["failed"]
        let expired = dlrExpired ?? base?.expired ?? ["expired"]
        if delivered.isEmpty { throw .misconfigured("settings.dlr_delivered: must name at least one status") }
        return DeliveryReportMapping(
            referenceField: dlrReferenceField, statusField: status, detailField: dlrDetailField ?? base?.dlrDetailField,
            delivered: Set(delivered), failed: Set(failed), expired: Set(expired))
    }

    private func resolveIncoming(base: HTTPGatewayPreset?) throws(PluginError) -> IncomingSMSMapping? {
        let fields = [moFromField ?? base?.incoming.from, moToField ?? base?.incoming.to, moTextField ?? base?.incoming.text]
        if fields.allSatisfy({ $0 == nil }) { return nil }
        guard let from = fields[0], let to = fields[1], let text = fields[2] else {
            throw .misconfigured("settings.mo_from_field: give mo_from_field, mo_to_field and mo_text_field together")
        }
        return IncomingSMSMapping(fromField: from, toField: to, textField: text)
    }
}
