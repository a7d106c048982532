import { t } from "./i18n_CB-ZrA_P.mjs";
import { p as parseData } from "./Page_DIg0aLoI.mjs";
import { z } from "zod";
var duties_default = {
	demo: true,
	dutyAreas: [
		{
			"id": "da1",
			"name": "党的建设"
		},
		{
			"id": "da2",
			"name": "经济发展"
		},
		{
			"id": "da3",
			"name": "乡村振兴"
		},
		{
			"id": "da4",
			"name": "社会事业"
		},
		{
			"id": "da5",
			"name": "平安建设"
		},
		{
			"id": "da6",
			"name": "生态环境"
		},
		{
			"id": "da7",
			"name": "民生保障"
		}
	],
	duties: [
		{
			"id": "d001",
			"area": "da1",
			"name": "统筹驻村第一书记管理",
			"body": "镇党委办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d002",
			"area": "da1",
			"name": "做好基层党组织建设",
			"body": "镇宣传办",
			"responsible": "分管副镇长"
		},
		{
			"id": "d003",
			"area": "da1",
			"name": "组织党建品牌创建",
			"body": "镇宣传办",
			"responsible": "党委委员"
		},
		{
			"id": "d004",
			"area": "da1",
			"name": "统筹发展党员",
			"body": "镇党委办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d005",
			"area": "da1",
			"name": "推进党费收缴管理",
			"body": "镇党委办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d006",
			"area": "da1",
			"name": "组织意识形态工作",
			"body": "镇组织办",
			"responsible": "分管副镇长"
		},
		{
			"id": "d007",
			"area": "da1",
			"name": "落实党务公开",
			"body": "镇宣传办",
			"responsible": "党委书记"
		},
		{
			"id": "d008",
			"area": "da1",
			"name": "监督检查主题党日",
			"body": "镇宣传办",
			"responsible": "站所负责人"
		},
		{
			"id": "d009",
			"area": "da1",
			"name": "督促主题党日",
			"body": "镇组织办",
			"responsible": "镇长"
		},
		{
			"id": "d010",
			"area": "da1",
			"name": "做好主题党日",
			"body": "镇党委办公室",
			"responsible": "党委书记"
		},
		{
			"id": "d011",
			"area": "da1",
			"name": "督促基层党组织建设",
			"body": "镇组织办",
			"responsible": "分管副书记"
		},
		{
			"id": "d012",
			"area": "da1",
			"name": "督促发展党员",
			"body": "镇宣传办",
			"responsible": "分管副书记"
		},
		{
			"id": "d013",
			"area": "da1",
			"name": "开展意识形态工作",
			"body": "镇党委办公室",
			"responsible": "党委书记"
		},
		{
			"id": "d014",
			"area": "da1",
			"name": "统筹党费收缴管理",
			"body": "镇宣传办",
			"responsible": "党委委员"
		},
		{
			"id": "d015",
			"area": "da1",
			"name": "开展村级后备干部培养",
			"body": "镇宣传办",
			"responsible": "分管副镇长"
		},
		{
			"id": "d016",
			"area": "da1",
			"name": "督促党员教育管理",
			"body": "镇党委办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d017",
			"area": "da1",
			"name": "推进软弱涣散村整顿",
			"body": "镇宣传办",
			"responsible": "分管副镇长"
		},
		{
			"id": "d018",
			"area": "da1",
			"name": "推进基层党组织建设",
			"body": "镇宣传办",
			"responsible": "党委书记"
		},
		{
			"id": "d019",
			"area": "da1",
			"name": "推进村级后备干部培养",
			"body": "镇党委办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d020",
			"area": "da1",
			"name": "统筹基层党组织建设",
			"body": "镇组织办",
			"responsible": "分管副镇长"
		},
		{
			"id": "d021",
			"area": "da1",
			"name": "监督检查意识形态工作",
			"body": "镇党委办公室",
			"responsible": "镇长"
		},
		{
			"id": "d022",
			"area": "da1",
			"name": "组织基层党组织建设",
			"body": "镇组织办",
			"responsible": "站所负责人"
		},
		{
			"id": "d023",
			"area": "da1",
			"name": "开展驻村第一书记管理",
			"body": "镇党委办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d024",
			"area": "da1",
			"name": "落实意识形态工作",
			"body": "镇宣传办",
			"responsible": "党委书记"
		},
		{
			"id": "d025",
			"area": "da1",
			"name": "推进发展党员",
			"body": "镇党委办公室",
			"responsible": "党委书记"
		},
		{
			"id": "d026",
			"area": "da1",
			"name": "督促意识形态工作",
			"body": "镇党委办公室",
			"responsible": "党委委员"
		},
		{
			"id": "d027",
			"area": "da1",
			"name": "落实驻村第一书记管理",
			"body": "镇宣传办",
			"responsible": "分管副镇长"
		},
		{
			"id": "d028",
			"area": "da1",
			"name": "督促村级后备干部培养",
			"body": "镇党委办公室",
			"responsible": "分管副镇长"
		},
		{
			"id": "d029",
			"area": "da1",
			"name": "推进意识形态工作",
			"body": "镇组织办",
			"responsible": "党委委员"
		},
		{
			"id": "d030",
			"area": "da1",
			"name": "开展主题党日",
			"body": "镇组织办",
			"responsible": "党委书记"
		},
		{
			"id": "d031",
			"area": "da2",
			"name": "组织项目建设",
			"body": "镇经济发展办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d032",
			"area": "da2",
			"name": "落实项目建设",
			"body": "镇财政所",
			"responsible": "站所负责人"
		},
		{
			"id": "d033",
			"area": "da2",
			"name": "监督检查乡村产业项目",
			"body": "镇财政所",
			"responsible": "站所负责人"
		},
		{
			"id": "d034",
			"area": "da2",
			"name": "做好农村集体资产管理",
			"body": "镇招商服务中心",
			"responsible": "镇长"
		},
		{
			"id": "d035",
			"area": "da2",
			"name": "开展小微企业帮扶",
			"body": "镇财政所",
			"responsible": "镇长"
		},
		{
			"id": "d036",
			"area": "da2",
			"name": "组织营商环境",
			"body": "镇财政所",
			"responsible": "镇长"
		},
		{
			"id": "d037",
			"area": "da2",
			"name": "组织村集体经济增收",
			"body": "镇财政所",
			"responsible": "党委书记"
		},
		{
			"id": "d038",
			"area": "da2",
			"name": "推进招商引资",
			"body": "镇经济发展办公室",
			"responsible": "党委书记"
		},
		{
			"id": "d039",
			"area": "da2",
			"name": "做好乡村产业项目",
			"body": "镇财政所",
			"responsible": "党委书记"
		},
		{
			"id": "d040",
			"area": "da2",
			"name": "开展营商环境",
			"body": "镇招商服务中心",
			"responsible": "党委委员"
		},
		{
			"id": "d041",
			"area": "da2",
			"name": "开展统计调查",
			"body": "镇招商服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d042",
			"area": "da2",
			"name": "推进税源培植",
			"body": "镇招商服务中心",
			"responsible": "党委委员"
		},
		{
			"id": "d043",
			"area": "da2",
			"name": "做好统计调查",
			"body": "镇经济发展办公室",
			"responsible": "分管副镇长"
		},
		{
			"id": "d044",
			"area": "da2",
			"name": "统筹营商环境",
			"body": "镇财政所",
			"responsible": "党委书记"
		},
		{
			"id": "d045",
			"area": "da2",
			"name": "开展项目建设",
			"body": "镇经济发展办公室",
			"responsible": "镇长"
		},
		{
			"id": "d046",
			"area": "da2",
			"name": "督促税源培植",
			"body": "镇经济发展办公室",
			"responsible": "党委委员"
		},
		{
			"id": "d047",
			"area": "da2",
			"name": "统筹项目建设",
			"body": "镇财政所",
			"responsible": "分管副书记"
		},
		{
			"id": "d048",
			"area": "da2",
			"name": "开展税源培植",
			"body": "镇财政所",
			"responsible": "分管副书记"
		},
		{
			"id": "d049",
			"area": "da2",
			"name": "落实农村集体资产管理",
			"body": "镇财政所",
			"responsible": "分管副书记"
		},
		{
			"id": "d050",
			"area": "da2",
			"name": "组织农村集体资产管理",
			"body": "镇招商服务中心",
			"responsible": "党委委员"
		},
		{
			"id": "d051",
			"area": "da2",
			"name": "推进企业服务",
			"body": "镇财政所",
			"responsible": "党委书记"
		},
		{
			"id": "d052",
			"area": "da2",
			"name": "落实小微企业帮扶",
			"body": "镇财政所",
			"responsible": "党委委员"
		},
		{
			"id": "d053",
			"area": "da2",
			"name": "统筹乡村产业项目",
			"body": "镇经济发展办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d054",
			"area": "da2",
			"name": "督促企业服务",
			"body": "镇财政所",
			"responsible": "党委书记"
		},
		{
			"id": "d055",
			"area": "da2",
			"name": "落实统计调查",
			"body": "镇招商服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d056",
			"area": "da2",
			"name": "推进农村集体资产管理",
			"body": "镇招商服务中心",
			"responsible": "站所负责人"
		},
		{
			"id": "d057",
			"area": "da2",
			"name": "组织税源培植",
			"body": "镇招商服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d058",
			"area": "da2",
			"name": "落实村集体经济增收",
			"body": "镇招商服务中心",
			"responsible": "站所负责人"
		},
		{
			"id": "d059",
			"area": "da3",
			"name": "统筹农村改厕",
			"body": "镇农业综合服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d060",
			"area": "da3",
			"name": "督促农业技术推广",
			"body": "镇农业综合服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d061",
			"area": "da3",
			"name": "统筹美丽乡村建设",
			"body": "镇经管站",
			"responsible": "党委书记"
		},
		{
			"id": "d062",
			"area": "da3",
			"name": "组织冬枣产业服务",
			"body": "镇农业综合服务中心",
			"responsible": "分管副书记"
		},
		{
			"id": "d063",
			"area": "da3",
			"name": "组织农村改厕",
			"body": "镇农业农村办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d064",
			"area": "da3",
			"name": "落实耕地保护",
			"body": "镇农业农村办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d065",
			"area": "da3",
			"name": "落实防返贫监测",
			"body": "镇农业综合服务中心",
			"responsible": "镇长"
		},
		{
			"id": "d066",
			"area": "da3",
			"name": "监督检查耕地保护",
			"body": "镇农业综合服务中心",
			"responsible": "分管副镇长"
		},
		{
			"id": "d067",
			"area": "da3",
			"name": "统筹高标准农田建设",
			"body": "镇经管站",
			"responsible": "党委委员"
		},
		{
			"id": "d068",
			"area": "da3",
			"name": "组织粮食生产",
			"body": "镇农业综合服务中心",
			"responsible": "分管副书记"
		},
		{
			"id": "d069",
			"area": "da3",
			"name": "做好高标准农田建设",
			"body": "镇农业农村办公室",
			"responsible": "分管副镇长"
		},
		{
			"id": "d070",
			"area": "da3",
			"name": "推进粮食生产",
			"body": "镇农业农村办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d071",
			"area": "da3",
			"name": "开展农村人居环境整治",
			"body": "镇农业农村办公室",
			"responsible": "镇长"
		},
		{
			"id": "d072",
			"area": "da3",
			"name": "组织高标准农田建设",
			"body": "镇农业综合服务中心",
			"responsible": "分管副镇长"
		},
		{
			"id": "d073",
			"area": "da3",
			"name": "推进高标准农田建设",
			"body": "镇农业综合服务中心",
			"responsible": "分管副镇长"
		},
		{
			"id": "d074",
			"area": "da3",
			"name": "统筹农业技术推广",
			"body": "镇农业农村办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d075",
			"area": "da3",
			"name": "监督检查高标准农田建设",
			"body": "镇农业综合服务中心",
			"responsible": "党委委员"
		},
		{
			"id": "d076",
			"area": "da3",
			"name": "统筹农村人居环境整治",
			"body": "镇农业综合服务中心",
			"responsible": "镇长"
		},
		{
			"id": "d077",
			"area": "da3",
			"name": "做好农村人居环境整治",
			"body": "镇经管站",
			"responsible": "党委书记"
		},
		{
			"id": "d078",
			"area": "da3",
			"name": "督促耕地保护",
			"body": "镇农业农村办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d079",
			"area": "da3",
			"name": "开展防返贫监测",
			"body": "镇经管站",
			"responsible": "党委委员"
		},
		{
			"id": "d080",
			"area": "da3",
			"name": "统筹土地流转服务",
			"body": "镇农业综合服务中心",
			"responsible": "镇长"
		},
		{
			"id": "d081",
			"area": "da3",
			"name": "开展高标准农田建设",
			"body": "镇农业综合服务中心",
			"responsible": "分管副镇长"
		},
		{
			"id": "d082",
			"area": "da3",
			"name": "落实冬枣产业服务",
			"body": "镇农业综合服务中心",
			"responsible": "站所负责人"
		},
		{
			"id": "d083",
			"area": "da3",
			"name": "推进耕地保护",
			"body": "镇农业综合服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d084",
			"area": "da3",
			"name": "做好美丽乡村建设",
			"body": "镇农业农村办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d085",
			"area": "da4",
			"name": "推进计划生育服务",
			"body": "镇社会事务办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d086",
			"area": "da4",
			"name": "监督检查残疾人服务",
			"body": "镇卫生院",
			"responsible": "站所负责人"
		},
		{
			"id": "d087",
			"area": "da4",
			"name": "组织基本公共卫生",
			"body": "镇文化站",
			"responsible": "党委书记"
		},
		{
			"id": "d088",
			"area": "da4",
			"name": "做好计划生育服务",
			"body": "镇卫生院",
			"responsible": "镇长"
		},
		{
			"id": "d089",
			"area": "da4",
			"name": "统筹全民健身",
			"body": "镇卫生院",
			"responsible": "分管副镇长"
		},
		{
			"id": "d090",
			"area": "da4",
			"name": "开展基本公共卫生",
			"body": "镇文化站",
			"responsible": "党委委员"
		},
		{
			"id": "d091",
			"area": "da4",
			"name": "组织义务教育控辍保学",
			"body": "镇卫生院",
			"responsible": "分管副书记"
		},
		{
			"id": "d092",
			"area": "da4",
			"name": "监督检查养老服务",
			"body": "镇卫生院",
			"responsible": "分管副书记"
		},
		{
			"id": "d093",
			"area": "da4",
			"name": "落实计划生育服务",
			"body": "镇卫生院",
			"responsible": "站所负责人"
		},
		{
			"id": "d094",
			"area": "da4",
			"name": "推进公共文化服务",
			"body": "镇卫生院",
			"responsible": "分管副镇长"
		},
		{
			"id": "d095",
			"area": "da4",
			"name": "开展残疾人服务",
			"body": "镇卫生院",
			"responsible": "镇长"
		},
		{
			"id": "d096",
			"area": "da4",
			"name": "组织公共文化服务",
			"body": "镇社会事务办公室",
			"responsible": "镇长"
		},
		{
			"id": "d097",
			"area": "da4",
			"name": "统筹公共文化服务",
			"body": "镇社会事务办公室",
			"responsible": "分管副镇长"
		},
		{
			"id": "d098",
			"area": "da4",
			"name": "组织养老服务",
			"body": "镇社会事务办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d099",
			"area": "da4",
			"name": "开展公共文化服务",
			"body": "镇卫生院",
			"responsible": "党委委员"
		},
		{
			"id": "d100",
			"area": "da4",
			"name": "督促移风易俗",
			"body": "镇文化站",
			"responsible": "镇长"
		},
		{
			"id": "d101",
			"area": "da4",
			"name": "做好义务教育控辍保学",
			"body": "镇卫生院",
			"responsible": "党委委员"
		},
		{
			"id": "d102",
			"area": "da4",
			"name": "做好全民健身",
			"body": "镇社会事务办公室",
			"responsible": "镇长"
		},
		{
			"id": "d103",
			"area": "da4",
			"name": "督促义务教育控辍保学",
			"body": "镇文化站",
			"responsible": "分管副镇长"
		},
		{
			"id": "d104",
			"area": "da4",
			"name": "统筹移风易俗",
			"body": "镇卫生院",
			"responsible": "分管副书记"
		},
		{
			"id": "d105",
			"area": "da4",
			"name": "落实残疾人服务",
			"body": "镇卫生院",
			"responsible": "分管副书记"
		},
		{
			"id": "d106",
			"area": "da4",
			"name": "组织全民健身",
			"body": "镇社会事务办公室",
			"responsible": "分管副镇长"
		},
		{
			"id": "d107",
			"area": "da4",
			"name": "监督检查计划生育服务",
			"body": "镇卫生院",
			"responsible": "分管副书记"
		},
		{
			"id": "d108",
			"area": "da4",
			"name": "推进残疾人服务",
			"body": "镇社会事务办公室",
			"responsible": "党委委员"
		},
		{
			"id": "d109",
			"area": "da5",
			"name": "组织重点人员服务管理",
			"body": "镇司法所",
			"responsible": "党委书记"
		},
		{
			"id": "d110",
			"area": "da5",
			"name": "统筹矛盾纠纷排查化解",
			"body": "镇信访办",
			"responsible": "分管副书记"
		},
		{
			"id": "d111",
			"area": "da5",
			"name": "做好法治宣传",
			"body": "镇信访办",
			"responsible": "镇长"
		},
		{
			"id": "d112",
			"area": "da5",
			"name": "统筹信访接待",
			"body": "镇信访办",
			"responsible": "分管副书记"
		},
		{
			"id": "d113",
			"area": "da5",
			"name": "组织社区矫正",
			"body": "镇信访办",
			"responsible": "站所负责人"
		},
		{
			"id": "d114",
			"area": "da5",
			"name": "统筹禁毒工作",
			"body": "镇信访办",
			"responsible": "镇长"
		},
		{
			"id": "d115",
			"area": "da5",
			"name": "组织人民调解",
			"body": "镇综治中心",
			"responsible": "党委委员"
		},
		{
			"id": "d116",
			"area": "da5",
			"name": "督促人民调解",
			"body": "镇司法所",
			"responsible": "党委委员"
		},
		{
			"id": "d117",
			"area": "da5",
			"name": "督促社区矫正",
			"body": "镇司法所",
			"responsible": "站所负责人"
		},
		{
			"id": "d118",
			"area": "da5",
			"name": "监督检查信访接待",
			"body": "镇信访办",
			"responsible": "党委委员"
		},
		{
			"id": "d119",
			"area": "da5",
			"name": "统筹重点人员服务管理",
			"body": "镇司法所",
			"responsible": "党委委员"
		},
		{
			"id": "d120",
			"area": "da5",
			"name": "推进网格化服务管理",
			"body": "镇综治中心",
			"responsible": "分管副镇长"
		},
		{
			"id": "d121",
			"area": "da5",
			"name": "监督检查社区矫正",
			"body": "镇司法所",
			"responsible": "党委书记"
		},
		{
			"id": "d122",
			"area": "da5",
			"name": "组织反诈宣传",
			"body": "镇司法所",
			"responsible": "党委委员"
		},
		{
			"id": "d123",
			"area": "da5",
			"name": "做好禁毒工作",
			"body": "镇信访办",
			"responsible": "分管副镇长"
		},
		{
			"id": "d124",
			"area": "da5",
			"name": "督促禁毒工作",
			"body": "镇信访办",
			"responsible": "站所负责人"
		},
		{
			"id": "d125",
			"area": "da5",
			"name": "统筹法治宣传",
			"body": "镇综治中心",
			"responsible": "分管副书记"
		},
		{
			"id": "d126",
			"area": "da5",
			"name": "落实信访接待",
			"body": "镇综治中心",
			"responsible": "镇长"
		},
		{
			"id": "d127",
			"area": "da5",
			"name": "督促反诈宣传",
			"body": "镇司法所",
			"responsible": "分管副书记"
		},
		{
			"id": "d128",
			"area": "da5",
			"name": "开展社区矫正",
			"body": "镇综治中心",
			"responsible": "党委书记"
		},
		{
			"id": "d129",
			"area": "da5",
			"name": "统筹人民调解",
			"body": "镇司法所",
			"responsible": "党委书记"
		},
		{
			"id": "d130",
			"area": "da5",
			"name": "做好矛盾纠纷排查化解",
			"body": "镇司法所",
			"responsible": "党委委员"
		},
		{
			"id": "d131",
			"area": "da5",
			"name": "落实网格化服务管理",
			"body": "镇信访办",
			"responsible": "站所负责人"
		},
		{
			"id": "d132",
			"area": "da5",
			"name": "做好网格化服务管理",
			"body": "镇司法所",
			"responsible": "站所负责人"
		},
		{
			"id": "d133",
			"area": "da6",
			"name": "推进河湖长制",
			"body": "镇自然资源所",
			"responsible": "分管副书记"
		},
		{
			"id": "d134",
			"area": "da6",
			"name": "落实违法用地巡查",
			"body": "镇应急管理办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d135",
			"area": "da6",
			"name": "监督检查防汛抗旱",
			"body": "镇自然资源所",
			"responsible": "党委委员"
		},
		{
			"id": "d136",
			"area": "da6",
			"name": "做好散乱污整治",
			"body": "镇生态环境办公室",
			"responsible": "分管副书记"
		},
		{
			"id": "d137",
			"area": "da6",
			"name": "开展安全生产检查",
			"body": "镇应急管理办公室",
			"responsible": "镇长"
		},
		{
			"id": "d138",
			"area": "da6",
			"name": "统筹违法用地巡查",
			"body": "镇生态环境办公室",
			"responsible": "分管副镇长"
		},
		{
			"id": "d139",
			"area": "da6",
			"name": "做好防汛抗旱",
			"body": "镇生态环境办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d140",
			"area": "da6",
			"name": "督促违法用地巡查",
			"body": "镇生态环境办公室",
			"responsible": "分管副镇长"
		},
		{
			"id": "d141",
			"area": "da6",
			"name": "推进大气污染防治",
			"body": "镇生态环境办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d142",
			"area": "da6",
			"name": "开展秸秆禁烧",
			"body": "镇自然资源所",
			"responsible": "党委委员"
		},
		{
			"id": "d143",
			"area": "da6",
			"name": "组织散乱污整治",
			"body": "镇应急管理办公室",
			"responsible": "党委书记"
		},
		{
			"id": "d144",
			"area": "da6",
			"name": "督促散乱污整治",
			"body": "镇自然资源所",
			"responsible": "党委书记"
		},
		{
			"id": "d145",
			"area": "da6",
			"name": "做好违法用地巡查",
			"body": "镇自然资源所",
			"responsible": "党委委员"
		},
		{
			"id": "d146",
			"area": "da6",
			"name": "组织林长制",
			"body": "镇生态环境办公室",
			"responsible": "分管副镇长"
		},
		{
			"id": "d147",
			"area": "da6",
			"name": "做好林长制",
			"body": "镇自然资源所",
			"responsible": "党委委员"
		},
		{
			"id": "d148",
			"area": "da6",
			"name": "组织河湖长制",
			"body": "镇生态环境办公室",
			"responsible": "党委委员"
		},
		{
			"id": "d149",
			"area": "da6",
			"name": "落实秸秆禁烧",
			"body": "镇自然资源所",
			"responsible": "党委书记"
		},
		{
			"id": "d150",
			"area": "da6",
			"name": "推进防汛抗旱",
			"body": "镇生态环境办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d151",
			"area": "da6",
			"name": "落实林长制",
			"body": "镇应急管理办公室",
			"responsible": "镇长"
		},
		{
			"id": "d152",
			"area": "da6",
			"name": "督促秸秆禁烧",
			"body": "镇应急管理办公室",
			"responsible": "党委书记"
		},
		{
			"id": "d153",
			"area": "da6",
			"name": "组织安全生产检查",
			"body": "镇生态环境办公室",
			"responsible": "党委书记"
		},
		{
			"id": "d154",
			"area": "da6",
			"name": "统筹森林防火",
			"body": "镇生态环境办公室",
			"responsible": "党委书记"
		},
		{
			"id": "d155",
			"area": "da6",
			"name": "统筹林长制",
			"body": "镇生态环境办公室",
			"responsible": "站所负责人"
		},
		{
			"id": "d156",
			"area": "da6",
			"name": "落实防汛抗旱",
			"body": "镇自然资源所",
			"responsible": "站所负责人"
		},
		{
			"id": "d157",
			"area": "da7",
			"name": "督促就业服务",
			"body": "镇便民服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d158",
			"area": "da7",
			"name": "组织残疾人两项补贴",
			"body": "镇便民服务中心",
			"responsible": "分管副镇长"
		},
		{
			"id": "d159",
			"area": "da7",
			"name": "监督检查残疾人两项补贴",
			"body": "镇社会救助站",
			"responsible": "分管副镇长"
		},
		{
			"id": "d160",
			"area": "da7",
			"name": "督促城乡居民养老保险",
			"body": "镇人社所",
			"responsible": "党委委员"
		},
		{
			"id": "d161",
			"area": "da7",
			"name": "落实就业服务",
			"body": "镇便民服务中心",
			"responsible": "党委委员"
		},
		{
			"id": "d162",
			"area": "da7",
			"name": "组织就业服务",
			"body": "镇便民服务中心",
			"responsible": "分管副镇长"
		},
		{
			"id": "d163",
			"area": "da7",
			"name": "落实城乡居民养老保险",
			"body": "镇便民服务中心",
			"responsible": "分管副镇长"
		},
		{
			"id": "d164",
			"area": "da7",
			"name": "推进高龄津贴",
			"body": "镇人社所",
			"responsible": "镇长"
		},
		{
			"id": "d165",
			"area": "da7",
			"name": "做好残疾人两项补贴",
			"body": "镇社会救助站",
			"responsible": "站所负责人"
		},
		{
			"id": "d166",
			"area": "da7",
			"name": "统筹就业服务",
			"body": "镇便民服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d167",
			"area": "da7",
			"name": "督促高龄津贴",
			"body": "镇便民服务中心",
			"responsible": "党委书记"
		},
		{
			"id": "d168",
			"area": "da7",
			"name": "推进就业服务",
			"body": "镇社会救助站",
			"responsible": "党委书记"
		},
		{
			"id": "d169",
			"area": "da7",
			"name": "督促公益性岗位管理",
			"body": "镇社会救助站",
			"responsible": "分管副书记"
		},
		{
			"id": "d170",
			"area": "da7",
			"name": "做好特困人员供养",
			"body": "镇社会救助站",
			"responsible": "党委书记"
		},
		{
			"id": "d171",
			"area": "da7",
			"name": "推进医疗保险参保",
			"body": "镇社会救助站",
			"responsible": "党委书记"
		},
		{
			"id": "d172",
			"area": "da7",
			"name": "落实医疗保险参保",
			"body": "镇人社所",
			"responsible": "分管副书记"
		},
		{
			"id": "d173",
			"area": "da7",
			"name": "督促医疗保险参保",
			"body": "镇便民服务中心",
			"responsible": "分管副书记"
		},
		{
			"id": "d174",
			"area": "da7",
			"name": "督促最低生活保障",
			"body": "镇社会救助站",
			"responsible": "分管副镇长"
		},
		{
			"id": "d175",
			"area": "da7",
			"name": "做好临时救助",
			"body": "镇人社所",
			"responsible": "党委委员"
		},
		{
			"id": "d176",
			"area": "da7",
			"name": "做好医疗保险参保",
			"body": "镇社会救助站",
			"responsible": "分管副书记"
		},
		{
			"id": "d177",
			"area": "da7",
			"name": "组织最低生活保障",
			"body": "镇人社所",
			"responsible": "党委委员"
		},
		{
			"id": "d178",
			"area": "da7",
			"name": "统筹最低生活保障",
			"body": "镇人社所",
			"responsible": "党委书记"
		}
	],
	matterAreas: [
		{
			"id": "ma1",
			"name": "自然资源"
		},
		{
			"id": "ma2",
			"name": "住房城乡建设"
		},
		{
			"id": "ma3",
			"name": "生态环境"
		},
		{
			"id": "ma4",
			"name": "农业农村"
		},
		{
			"id": "ma5",
			"name": "水利"
		},
		{
			"id": "ma6",
			"name": "交通运输"
		},
		{
			"id": "ma7",
			"name": "市场监管"
		},
		{
			"id": "ma8",
			"name": "应急管理"
		},
		{
			"id": "ma9",
			"name": "卫生健康"
		},
		{
			"id": "ma10",
			"name": "民政"
		},
		{
			"id": "ma11",
			"name": "人力资源社会保障"
		},
		{
			"id": "ma12",
			"name": "教育体育"
		},
		{
			"id": "ma13",
			"name": "公安"
		},
		{
			"id": "ma14",
			"name": "综合执法"
		}
	],
	matters: [
		{
			"id": "m001",
			"area": "ma1",
			"name": "自然资源领域环境污染宣传引导",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m002",
			"area": "ma1",
			"name": "自然资源领域私搭乱建配合执法",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m003",
			"area": "ma1",
			"name": "自然资源领域无证经营宣传引导",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m004",
			"area": "ma1",
			"name": "农村人居环境整治",
			"role": "main",
			"lead": "区自然资源局"
		},
		{
			"id": "m005",
			"area": "ma1",
			"name": "自然资源领域困难群众发现报告",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m006",
			"area": "ma1",
			"name": "自然资源领域违法建设协助整治",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m007",
			"area": "ma1",
			"name": "自然资源领域食品安全问题配合执法",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m008",
			"area": "ma1",
			"name": "自然资源领域欠薪线索宣传引导",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m009",
			"area": "ma1",
			"name": "自然资源领域安全隐患宣传引导",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m010",
			"area": "ma1",
			"name": "自然资源领域违法建设宣传引导",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m011",
			"area": "ma1",
			"name": "自然资源领域无证经营配合核查",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m012",
			"area": "ma1",
			"name": "自然资源领域违规用地配合执法",
			"role": "support",
			"lead": "区自然资源局"
		},
		{
			"id": "m013",
			"area": "ma2",
			"name": "住房城乡建设领域私搭乱建日常巡查",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m014",
			"area": "ma2",
			"name": "住房城乡建设领域环境污染协助排查",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m015",
			"area": "ma2",
			"name": "住房城乡建设领域困难群众协助整治",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m016",
			"area": "ma2",
			"name": "住房城乡建设领域违法建设配合执法",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m017",
			"area": "ma2",
			"name": "住房城乡建设领域安全隐患协助排查",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m018",
			"area": "ma2",
			"name": "住房城乡建设领域河道垃圾配合执法",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m019",
			"area": "ma2",
			"name": "住房城乡建设领域困难群众配合核查",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m020",
			"area": "ma2",
			"name": "住房城乡建设领域私搭乱建信息报送",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m021",
			"area": "ma2",
			"name": "住房城乡建设领域欠薪线索发现报告",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m022",
			"area": "ma2",
			"name": "住房城乡建设领域违规用地协助排查",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m023",
			"area": "ma2",
			"name": "住房城乡建设领域环境污染发现报告",
			"role": "support",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m024",
			"area": "ma2",
			"name": "秸秆禁烧",
			"role": "main",
			"lead": "区住房城乡建设局"
		},
		{
			"id": "m025",
			"area": "ma3",
			"name": "生态环境领域无证经营协助整治",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m026",
			"area": "ma3",
			"name": "生态环境领域困难群众宣传引导",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m027",
			"area": "ma3",
			"name": "生态环境领域道路占用宣传引导",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m028",
			"area": "ma3",
			"name": "生态环境领域燃气隐患协助整治",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m029",
			"area": "ma3",
			"name": "生态环境领域无证经营配合执法",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m030",
			"area": "ma3",
			"name": "生态环境领域欠薪线索信息报送",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m031",
			"area": "ma3",
			"name": "生态环境领域安全隐患配合核查",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m032",
			"area": "ma3",
			"name": "生态环境领域河道垃圾协助整治",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m033",
			"area": "ma3",
			"name": "生态环境领域食品安全问题宣传引导",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m034",
			"area": "ma3",
			"name": "生态环境领域无证经营发现报告",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m035",
			"area": "ma3",
			"name": "生态环境领域燃气隐患信息报送",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m036",
			"area": "ma3",
			"name": "生态环境领域私搭乱建信息报送",
			"role": "support",
			"lead": "市生态环境局沾化分局"
		},
		{
			"id": "m037",
			"area": "ma4",
			"name": "农业农村领域燃气隐患配合核查",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m038",
			"area": "ma4",
			"name": "农业农村领域无证经营宣传引导",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m039",
			"area": "ma4",
			"name": "农业农村领域无证经营协助整治",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m040",
			"area": "ma4",
			"name": "农业农村领域私搭乱建协助排查",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m041",
			"area": "ma4",
			"name": "农业农村领域燃气隐患宣传引导",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m042",
			"area": "ma4",
			"name": "农业农村领域欠薪线索宣传引导",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m043",
			"area": "ma4",
			"name": "农业农村领域食品安全问题协助排查",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m044",
			"area": "ma4",
			"name": "农业农村领域河道垃圾配合执法",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m045",
			"area": "ma4",
			"name": "矛盾纠纷化解",
			"role": "main",
			"lead": "区农业农村局"
		},
		{
			"id": "m046",
			"area": "ma4",
			"name": "农业农村领域欠薪线索日常巡查",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m047",
			"area": "ma4",
			"name": "农业农村领域食品安全问题日常巡查",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m048",
			"area": "ma4",
			"name": "农业农村领域食品安全问题信息报送",
			"role": "support",
			"lead": "区农业农村局"
		},
		{
			"id": "m049",
			"area": "ma5",
			"name": "水利领域困难群众协助整治",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m050",
			"area": "ma5",
			"name": "水利领域河道垃圾配合执法",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m051",
			"area": "ma5",
			"name": "水利领域燃气隐患配合核查",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m052",
			"area": "ma5",
			"name": "水利领域燃气隐患协助排查",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m053",
			"area": "ma5",
			"name": "水利领域安全隐患协助排查",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m054",
			"area": "ma5",
			"name": "水利领域河道垃圾宣传引导",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m055",
			"area": "ma5",
			"name": "水利领域道路占用宣传引导",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m056",
			"area": "ma5",
			"name": "水利领域违规用地日常巡查",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m057",
			"area": "ma5",
			"name": "水利领域违法建设配合执法",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m058",
			"area": "ma5",
			"name": "水利领域违规用地宣传引导",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m059",
			"area": "ma5",
			"name": "水利领域河道垃圾协助排查",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m060",
			"area": "ma5",
			"name": "水利领域困难群众信息报送",
			"role": "support",
			"lead": "区水利局"
		},
		{
			"id": "m061",
			"area": "ma6",
			"name": "交通运输领域困难群众配合核查",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m062",
			"area": "ma6",
			"name": "交通运输领域安全隐患配合核查",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m063",
			"area": "ma6",
			"name": "交通运输领域环境污染协助排查",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m064",
			"area": "ma6",
			"name": "交通运输领域食品安全问题宣传引导",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m065",
			"area": "ma6",
			"name": "农村宅基地管理",
			"role": "main",
			"lead": "区交通运输局"
		},
		{
			"id": "m066",
			"area": "ma6",
			"name": "交通运输领域环境污染信息报送",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m067",
			"area": "ma6",
			"name": "交通运输领域违法建设配合执法",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m068",
			"area": "ma6",
			"name": "交通运输领域安全隐患宣传引导",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m069",
			"area": "ma6",
			"name": "交通运输领域无证经营日常巡查",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m070",
			"area": "ma6",
			"name": "交通运输领域食品安全问题配合执法",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m071",
			"area": "ma6",
			"name": "交通运输领域食品安全问题配合核查",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m072",
			"area": "ma6",
			"name": "交通运输领域燃气隐患发现报告",
			"role": "support",
			"lead": "区交通运输局"
		},
		{
			"id": "m073",
			"area": "ma7",
			"name": "市场监管领域私搭乱建协助整治",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m074",
			"area": "ma7",
			"name": "市场监管领域无证经营协助排查",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m075",
			"area": "ma7",
			"name": "市场监管领域环境污染协助排查",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m076",
			"area": "ma7",
			"name": "市场监管领域无证经营协助整治",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m077",
			"area": "ma7",
			"name": "市场监管领域违法建设协助整治",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m078",
			"area": "ma7",
			"name": "市场监管领域困难群众协助排查",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m079",
			"area": "ma7",
			"name": "市场监管领域食品安全问题发现报告",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m080",
			"area": "ma7",
			"name": "市场监管领域无证经营日常巡查",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m081",
			"area": "ma7",
			"name": "市场监管领域违规用地协助排查",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m082",
			"area": "ma7",
			"name": "市场监管领域食品安全问题信息报送",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m083",
			"area": "ma7",
			"name": "市场监管领域私搭乱建日常巡查",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m084",
			"area": "ma7",
			"name": "市场监管领域违法建设信息报送",
			"role": "support",
			"lead": "区市场监管局"
		},
		{
			"id": "m085",
			"area": "ma8",
			"name": "应急管理领域食品安全问题协助整治",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m086",
			"area": "ma8",
			"name": "防汛物资储备",
			"role": "main",
			"lead": "区应急管理局"
		},
		{
			"id": "m087",
			"area": "ma8",
			"name": "应急管理领域无证经营宣传引导",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m088",
			"area": "ma8",
			"name": "应急管理领域道路占用配合核查",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m089",
			"area": "ma8",
			"name": "应急管理领域食品安全问题协助排查",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m090",
			"area": "ma8",
			"name": "应急管理领域道路占用协助整治",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m091",
			"area": "ma8",
			"name": "应急管理领域食品安全问题日常巡查",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m092",
			"area": "ma8",
			"name": "应急管理领域河道垃圾日常巡查",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m093",
			"area": "ma8",
			"name": "应急管理领域河道垃圾配合执法",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m094",
			"area": "ma8",
			"name": "应急管理领域食品安全问题配合核查",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m095",
			"area": "ma8",
			"name": "应急管理领域违法建设日常巡查",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m096",
			"area": "ma8",
			"name": "应急管理领域食品安全问题信息报送",
			"role": "support",
			"lead": "区应急管理局"
		},
		{
			"id": "m097",
			"area": "ma9",
			"name": "卫生健康领域河道垃圾发现报告",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m098",
			"area": "ma9",
			"name": "卫生健康领域河道垃圾日常巡查",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m099",
			"area": "ma9",
			"name": "卫生健康领域食品安全问题协助排查",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m100",
			"area": "ma9",
			"name": "卫生健康领域河道垃圾协助整治",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m101",
			"area": "ma9",
			"name": "卫生健康领域欠薪线索配合核查",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m102",
			"area": "ma9",
			"name": "卫生健康领域燃气隐患配合核查",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m103",
			"area": "ma9",
			"name": "卫生健康领域违规用地发现报告",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m104",
			"area": "ma9",
			"name": "卫生健康领域私搭乱建配合核查",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m105",
			"area": "ma9",
			"name": "卫生健康领域无证经营宣传引导",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m106",
			"area": "ma9",
			"name": "卫生健康领域道路占用宣传引导",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m107",
			"area": "ma9",
			"name": "农村饮水安全巡查",
			"role": "main",
			"lead": "区卫生健康局"
		},
		{
			"id": "m108",
			"area": "ma9",
			"name": "卫生健康领域无证经营配合核查",
			"role": "support",
			"lead": "区卫生健康局"
		},
		{
			"id": "m109",
			"area": "ma10",
			"name": "民政领域欠薪线索协助排查",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m110",
			"area": "ma10",
			"name": "民政领域欠薪线索信息报送",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m111",
			"area": "ma10",
			"name": "民政领域环境污染协助排查",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m112",
			"area": "ma10",
			"name": "民政领域私搭乱建协助排查",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m113",
			"area": "ma10",
			"name": "民政领域食品安全问题宣传引导",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m114",
			"area": "ma10",
			"name": "民政领域无证经营协助整治",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m115",
			"area": "ma10",
			"name": "民政领域违规用地协助整治",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m116",
			"area": "ma10",
			"name": "民政领域食品安全问题日常巡查",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m117",
			"area": "ma10",
			"name": "民政领域食品安全问题配合核查",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m118",
			"area": "ma10",
			"name": "民政领域燃气隐患日常巡查",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m119",
			"area": "ma10",
			"name": "民政领域违规用地配合执法",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m120",
			"area": "ma10",
			"name": "民政领域困难群众日常巡查",
			"role": "support",
			"lead": "区民政局"
		},
		{
			"id": "m121",
			"area": "ma11",
			"name": "人力资源社会保障领域违法建设宣传引导",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m122",
			"area": "ma11",
			"name": "人力资源社会保障领域燃气隐患协助整治",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m123",
			"area": "ma11",
			"name": "人力资源社会保障领域环境污染配合核查",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m124",
			"area": "ma11",
			"name": "人力资源社会保障领域私搭乱建协助整治",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m125",
			"area": "ma11",
			"name": "人力资源社会保障领域环境污染配合执法",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m126",
			"area": "ma11",
			"name": "人力资源社会保障领域困难群众宣传引导",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m127",
			"area": "ma11",
			"name": "村级公益事业建设",
			"role": "main",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m128",
			"area": "ma11",
			"name": "人力资源社会保障领域食品安全问题日常巡查",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m129",
			"area": "ma11",
			"name": "人力资源社会保障领域道路占用信息报送",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m130",
			"area": "ma11",
			"name": "人力资源社会保障领域安全隐患宣传引导",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m131",
			"area": "ma11",
			"name": "人力资源社会保障领域河道垃圾协助排查",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m132",
			"area": "ma11",
			"name": "人力资源社会保障领域欠薪线索协助排查",
			"role": "support",
			"lead": "区人力资源社会保障局"
		},
		{
			"id": "m133",
			"area": "ma12",
			"name": "教育体育领域河道垃圾配合核查",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m134",
			"area": "ma12",
			"name": "教育体育领域欠薪线索发现报告",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m135",
			"area": "ma12",
			"name": "教育体育领域违法建设信息报送",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m136",
			"area": "ma12",
			"name": "教育体育领域食品安全问题协助整治",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m137",
			"area": "ma12",
			"name": "教育体育领域安全隐患配合执法",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m138",
			"area": "ma12",
			"name": "教育体育领域困难群众日常巡查",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m139",
			"area": "ma12",
			"name": "教育体育领域食品安全问题宣传引导",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m140",
			"area": "ma12",
			"name": "教育体育领域道路占用配合核查",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m141",
			"area": "ma12",
			"name": "教育体育领域环境污染配合执法",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m142",
			"area": "ma12",
			"name": "教育体育领域困难群众发现报告",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m143",
			"area": "ma12",
			"name": "教育体育领域安全隐患发现报告",
			"role": "support",
			"lead": "区教育体育局"
		},
		{
			"id": "m144",
			"area": "ma13",
			"name": "公安领域河道垃圾发现报告",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m145",
			"area": "ma13",
			"name": "公安领域环境污染日常巡查",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m146",
			"area": "ma13",
			"name": "公安领域道路占用协助排查",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m147",
			"area": "ma13",
			"name": "公安领域河道垃圾协助整治",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m148",
			"area": "ma13",
			"name": "困难群众走访",
			"role": "main",
			"lead": "公安沾化分局"
		},
		{
			"id": "m149",
			"area": "ma13",
			"name": "公安领域无证经营协助排查",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m150",
			"area": "ma13",
			"name": "公安领域河道垃圾信息报送",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m151",
			"area": "ma13",
			"name": "公安领域道路占用配合执法",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m152",
			"area": "ma13",
			"name": "公安领域安全隐患配合执法",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m153",
			"area": "ma13",
			"name": "公安领域违法建设宣传引导",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m154",
			"area": "ma13",
			"name": "公安领域道路占用发现报告",
			"role": "support",
			"lead": "公安沾化分局"
		},
		{
			"id": "m155",
			"area": "ma14",
			"name": "综合执法领域河道垃圾日常巡查",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m156",
			"area": "ma14",
			"name": "综合执法领域欠薪线索配合执法",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m157",
			"area": "ma14",
			"name": "综合执法领域环境污染协助排查",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m158",
			"area": "ma14",
			"name": "综合执法领域无证经营发现报告",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m159",
			"area": "ma14",
			"name": "综合执法领域欠薪线索日常巡查",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m160",
			"area": "ma14",
			"name": "综合执法领域违法建设配合核查",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m161",
			"area": "ma14",
			"name": "综合执法领域无证经营日常巡查",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m162",
			"area": "ma14",
			"name": "综合执法领域欠薪线索配合核查",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m163",
			"area": "ma14",
			"name": "综合执法领域河道垃圾配合核查",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m164",
			"area": "ma14",
			"name": "综合执法领域困难群众配合核查",
			"role": "support",
			"lead": "区综合行政执法局"
		},
		{
			"id": "m165",
			"area": "ma14",
			"name": "综合执法领域道路占用配合执法",
			"role": "support",
			"lead": "区综合行政执法局"
		}
	]
};
// schema/duties.ts
/**
* Two of the 三张清单 that say who is responsible: the 职责任务清单 (7 areas, 178 duties, each with the
* body that carries it and the person responsible) and the 属地责任事项清单 (14 areas, 165 matters: the
* town holds main responsibility for 8 and supports on 157, each with the department that leads). One
* source (schema/data/duties.json, labelled 演示数据 until the district's own lists replace it) read by the
* /duties/ page, the worker (定责 at triage names an item) and the scripts; validated with zod at load.
*/
var text = z.string().trim().min(1, "must not be empty");
var area = (prefix) => z.object({
	id: z.string().regex(new RegExp(`^${prefix}\\d+$`)),
	name: text
});
var dutiesFile = z.object({
	demo: z.boolean(),
	dutyAreas: z.array(area("da")),
	duties: z.array(z.object({
		id: z.string().regex(/^d\d{3}$/),
		area: text,
		name: text,
		body: text,
		responsible: text
	})),
	matterAreas: z.array(area("ma")),
	matters: z.array(z.object({
		id: z.string().regex(/^m\d{3}$/),
		area: text,
		name: text,
		role: z.enum(["main", "support"]),
		lead: text
	}))
}).superRefine((file, ctx) => {
	const check = (list, areas) => {
		const known = new Set(file[areas].map((a) => a.id));
		const seen = /* @__PURE__ */ new Set();
		file[list].forEach((item, i) => {
			if (!known.has(item.area)) ctx.addIssue({
				code: "custom",
				path: [
					list,
					i,
					"area"
				],
				message: "not an area"
			});
			if (seen.has(item.id)) ctx.addIssue({
				code: "custom",
				path: [
					list,
					i,
					"id"
				],
				message: "duplicate"
			});
			seen.add(item.id);
		});
	};
	check("duties", "dutyAreas");
	check("matters", "matterAreas");
});
var data = parseData("duties.json", dutiesFile, duties_default);
var dutiesAreDemo = data.demo;
var dutyAreas = data.dutyAreas;
var duties = data.duties;
var matterAreas = data.matterAreas;
var matters = data.matters;
var byId = new Map([...duties, ...matters].map((item) => [item.id, item]));
/**
* An item of either list by id, as 定责 names it; undefined for anything else.
* @example responsibleItem("d001")?.body // "镇党委办公室"
* @example responsibleItem("m004")?.body // "区自然资源局牵头，镇里负主体责任"
*/
function responsibleItem(id) {
	const item = byId.get(id);
	if (!item) return void 0;
	if ("body" in item) return {
		id,
		list: "duty",
		name: item.name,
		body: item.body
	};
	return {
		id,
		list: "matter",
		name: item.name,
		body: t(`duties.matter.${item.role}`, { lead: item.lead })
	};
}
export { matters as a, matterAreas as i, dutiesAreDemo as n, responsibleItem as o, dutyAreas as r, duties as t };
