import PlanDomain
import Plot

/// 单位组: the groups of the office's place with their members, the
/// collective names its plans print that no group stands for yet, and the
/// form to list (or relist) a group's members.
enum UnitGroupsPage {
    struct Model {
        var placeName: String
        var groups: [(group: UnitGroup, members: [String])]
        var undefined: [String]
        var typed: (name: String, members: String)
        var error: String?
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            var body: [Body] = [
                H.heading(1, "单位组"),
                H.paragraph("\(model.placeName)：计划中写作“各镇办”“市直各相关部门”等的集合名称，在这里列出其成员单位后，本地区每个写有该名称的计划都把任务分解给每个成员：各自报送、各自督办，单位组的进度由成员汇总。", class: "hint"),
            ]
            if !model.undefined.isEmpty {
                body.append(H.p(class: "undefined-groups", [.text("计划中尚未定义的集合名称：")] + model.undefined.map { name in
                    H.span(class: "chip", [.text(name)])
                }))
            }
            if model.groups.isEmpty { body.append(H.paragraph("尚未定义单位组。", class: "empty")) }
            for entry in model.groups {
                body.append(H.section([.class("unit-group"), .data("group", entry.group.name)], [
                    H.h2([.text("\(entry.group.name)（\(entry.members.count) 个）")]),
                    H.paragraph(entry.members.joined(separator: "、")),
                    H.form(SitePath.deleteUnitGroup(entry.group.linkID).path, class: "inline", [
                        H.button("删除单位组", class: "button secondary small"),
                    ]),
                ]))
            }
            var form: [Body] = [H.h2([.text("定义或修改单位组")])]
            if let error = model.error { form.append(H.p([.class("error"), .role("alert")], [.text(error)])) }
            form += [
                H.input("name", value: model.typed.name, label: "单位组名称（与计划中的写法一致）", placeholder: "各镇办", required: true,
                        extra: [.maxlength(UnitGroupController.nameLimit)]),
                H.label(class: "field wide", [
                    H.span([.text("成员单位（每行一个；名录中没有的将新建）")]),
                    H.textarea([.name("members"), .rows(8)], [.text(model.typed.members)]),
                ]),
                H.button("保存单位组"),
            ]
            body.append(H.form(SitePath.saveUnitGroup.path, class: "card narrow", form))
            return Layout.page("单位组", context, body)
        }
    }
}
