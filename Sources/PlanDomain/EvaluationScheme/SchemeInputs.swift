/// One place's figures for one item. All optional: a place may lack any of
/// them, and each rule says what it scores then (usually 0, explained).
public struct ItemInput: Sendable, Equatable {
    /// The value this year (a task group's completion ratio 0…1).
    public var value: Double?
    /// The place's target: the value to reach, or for `growth` the growth in percent (10 is 10%).
    public var target: Double?
    /// Last year's value, for `growth`.
    public var lastYear: Double?

    public init(value: Double? = nil, target: Double? = nil, lastYear: Double? = nil) {
        self.value = value
        self.target = target
        self.lastYear = lastYear
    }

    /// NaN and infinities count as not given.
    var finite: ItemInput {
        ItemInput(value: value.flatMap { $0.isFinite ? $0 : nil }, target: target.flatMap { $0.isFinite ? $0 : nil },
                  lastYear: lastYear.flatMap { $0.isFinite ? $0 : nil })
    }
}

/// A place to score and its figures, keyed by `SchemeItem.key`.
public struct PlaceInputs: Sendable, Equatable {
    /// GB/T 2260 code.
    public var code: String
    public var name: String
    public var inputs: [String: ItemInput]

    public init(code: String, name: String, inputs: [String: ItemInput]) {
        self.code = code
        self.name = name
        self.inputs = inputs
    }
}
