@testable import PlanDomain

/// A March bulletin of a city plan with every part filled in, the chart and
/// 各地对比 included.
enum BulletinSample {
    static let doing = [
        Bulletin.TaskRow(key: "一/（一）/1", title: "新增高新技术企业20家", units: "市科技局、各县市区", status: "正常",
                         progress: "60%", note: "已完成申报辅导"),
        Bulletin.TaskRow(key: "一/（一）/2", title: "技术合同成交额达到55亿元", units: "市科技局", status: "正常",
                         progress: "45%", note: ""),
    ]
    static let done = [
        Bulletin.TaskRow(key: "二/（三）/4", title: "召开全市科技创新大会", units: "市委办、市科技局", status: "已完成",
                         progress: "100%", note: "3月15日召开"),
    ]
    static let lagging = [
        Bulletin.TaskRow(key: "三/（二）/7", title: "建设省级创新平台3家", units: "随县、高新区", status: "滞后",
                         progress: "10%", note: "待省厅批复"),
    ]
    static let late = [
        Bulletin.TaskRow(key: "四/（一）/9", title: "科技特派员服务全覆盖", units: "曾都区", status: "逾期",
                         progress: "—", note: "2月进展未报送"),
    ]
    static let risky = [
        Bulletin.TaskRow(key: "三/（二）/7", title: "建设省级创新平台3家", units: "随县、高新区", status: "风险",
                         progress: "10%", note: "按当前进度难以完成"),
    ]

    /// Three places ranked, and one without figures that is not: its one cell
    /// is padded to the two measures.
    static let places = Bulletin.PlaceTable(
        note: "按综合完成率排序，数据截至2025年3月底。", columns: ["新增高企", "技术合同成交额"],
        rows: [
            .init(rank: 1, place: "高新区", cells: ["25%", "48%"], score: "36.5%"),
            .init(rank: 2, place: "曾都区", cells: ["20%", "35.2%"], score: "27.6%"),
            .init(rank: 3, place: "随县", cells: ["10%", "30%"], score: "20%"),
            .init(rank: nil, place: "大洪山风景区", cells: ["—"], score: "—"),
        ])

    static let bulletin = Bulletin(
        kind: .monthly, title: "随州市2025年科技工作要点落实情况通报（2025年3月）", issuer: "随州市科学技术局",
        number: "第3期", periodTitle: "2025年3月", issuedOn: "2025-04-02",
        summary: [
            .init(label: "任务总数", value: "30项"), .init(label: "已完成", value: "2项"),
            .init(label: "正常推进", value: "20项"), .init(label: "滞后", value: "5项"),
            .init(label: "风险", value: "2项"), .init(label: "逾期", value: "1项"),
            .init(label: "按时报送率", value: "93.3%"),
        ],
        targets: [
            .init(key: "一/（一）/2", text: "技术合同成交额", target: "75亿元", actual: "30亿元", trend: "↑12亿元",
                  completionRate: "40%", projected: "120亿元", projectedRate: "160%", status: "正常", units: "市科技局"),
            .init(key: "一/（一）/1", text: "新增高新技术企业", target: "20家", actual: "3家", trend: "持平",
                  completionRate: "15%", projected: "12家", projectedRate: "60%", status: "风险",
                  units: "市科技局、各县市区"),
        ],
        chart: .completion(categories: ["技术合同成交额", "新增高新技术企业"], completionRates: [40, 15],
                           projectedRates: [160, 60]),
        places: places,
        sections: [.init(title: "已完成", rows: done), .init(title: "正常推进", rows: doing),
                   .init(title: "滞后", rows: lagging)],
        late: late, atRisk: risky,
        ranking: [
            .init(rank: 1, unit: "市科技局", tasks: 12, onTimeRate: "100%", completionRate: "16.7%", score: "98.5"),
            .init(rank: 2, unit: "高新区", tasks: 6, onTimeRate: "100%", completionRate: "0%", score: "95"),
            .init(rank: 3, unit: "曾都区", tasks: 5, onTimeRate: "80%", completionRate: "0%", score: "88.2"),
        ],
        remarks: ["请各责任单位对照任务分解表，于每月25日前报送进展。", "滞后和逾期单位请于4月10日前书面说明原因。"])
}
