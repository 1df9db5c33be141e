import Foundation

/// A small JSON Schema (2020-12 subset) validator over `JSONSerialization` values: type (with
/// null unions), properties, required, additionalProperties, items, enum, oneOf, $ref, minimum,
/// maximum, minLength, maxLength, pattern. Enough for the schemas AdminHTTP publishes.
struct SchemaValidator {
    let document: [String: Any]

    func validate(_ value: Any, against schema: [String: Any], path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) else { return ["\(path): unresolved \(ref)"] }
            return validate(value, against: target, path: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matches = options.filter { validate(value, against: $0, path: path).isEmpty }.count
            return matches == 1 ? [] : ["\(path): matches \(matches) of oneOf"]
        }
        var errors: [String] = []
        if let allowed = schema["enum"] as? [Any] {
            let ok = allowed.contains { candidate in
                if candidate is NSNull { return value is NSNull }
                return (candidate as? String) == (value as? String) && value is String
            }
            if !ok { errors.append("\(path): \(value) not in enum") }
        }
        let types: [String]
        if let type = schema["type"] as? String { types = [type] } else { types = schema["type"] as? [String] ?? [] }
        if !types.isEmpty && !types.contains(where: { matches(value, $0) }) {
            return ["\(path): \(value) is not \(types)"]
        }
        if let string = value as? String {
            if let min = schema["minLength"] as? Int, string.count < min {
                errors.append("\(path): shorter than \(min)")
            }
            if let max = schema["maxLength"] as? Int, string.count > max {
                errors.append("\(path): longer than \(max)")
            }
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil
            {
                errors.append("\(path): does not match \(pattern)")
            }
        }
        if let number = value as? NSNumber, !(value is Bool), types.contains("integer") || types.contains("number") {
            if let min = schema["minimum"] as? NSNumber, number.doubleValue < min.doubleValue {
                errors.append("\(path): < min")
            }
            if let max = schema["maximum"] as? NSNumber, number.doubleValue > max.doubleValue {
                errors.append("\(path): > max")
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                errors.append("\(path).\(name): required")
            }
            for (key, member) in object {
                if let property = properties[key] {
                    errors += validate(member, against: property, path: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    errors += validate(member, against: additional, path: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path).\(key): not allowed")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                errors += validate(item, against: items, path: "\(path)[\(index)]")
            }
        }
        return errors
    }

    private func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber && !isBool(value)
        default: return false
        }
    }

    private func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
            || type(of: value) == type(of: NSNumber(value: true))
                && (number == NSNumber(value: true) || number == NSNumber(value: false)) && !(value is Int)
    }

    func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// Every `$ref` in the document that does not resolve.
    func unresolvedReferences() -> [String] {
        var missing: [String] = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let ref = object["$ref"] as? String, resolve(ref) == nil { missing.append(ref) }
                object.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        walk(document)
        return missing
    }
}
