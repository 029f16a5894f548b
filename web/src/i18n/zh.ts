// Every Chinese text of the pages, in one place. Keys are shared with en.ts.
export const zh = {
  appName: '议事',
  language: 'English',
  connected: '已连接',
  reconnecting: '正在重连…',
  offline: '未连接',
  loading: '正在加载…',
  retry: '重试',
  errorGeneric: '出错了',
  meetingNone: '目前没有进行中的会议',
  kindCongress: '职工代表大会',
  kindGeneralAssembly: '职工大会',
  stateDraft: '筹备中',
  stateInSession: '会议进行中',
  stateClosed: '已闭会',
  ballotDraft: '草稿',
  ballotOpen: '投票中',
  ballotClosed: '已结束',
  ballotPublished: '已公布',
  eligible: '应到',
  present: '实到',
  absent: '缺席',
  onLeave: '请假',
  attendees: '列席',
  quorumReached: '已达到法定人数',
  quorumNotReached: '未达到法定人数',
  quorumRequired: '法定人数 {required} 人',
  turnout: '已投票 {voted} / {eligible}',
  yes: '赞成',
  no: '反对',
  abstain: '弃权',
  passed: '通过',
  failed: '未通过',
  secret: '无记名投票',
  named: '记名投票',
  manualResult: '人工录入结果',
  // — voter page (代表投票页) —
  // — projector view (大屏) and result notice (结果公告) —
  // — secretary console (秘书处) —
} as const;

export type MessageKey = keyof typeof zh;
