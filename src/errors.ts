// Every error the API can answer with: a stable code, an HTTP status, and a message in Chinese and English.
// Routes and services throw `fail('CODE')`; nothing builds an error response by hand.

const errorTable = {
  VALIDATION_FAILED: [400, '请求内容不符合要求', 'The request is not valid'],
  BAD_JSON: [400, '请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的内容类型', 'Unsupported content type'],
  PAYLOAD_TOO_LARGE: [413, '请求内容过大', 'The request is too large'],
  NOT_FOUND: [404, '未找到', 'Not found'],
  ROUTE_NOT_FOUND: [404, '没有这个接口', 'No such route'],
  UNAUTHENTICATED: [401, '请先登录', 'Please sign in first'],
  FORBIDDEN: [403, '没有权限进行此操作', 'You are not allowed to do this'],
  CSRF_REJECTED: [403, '跨站请求被拒绝', 'Cross-site request refused'],
  BAD_CREDENTIALS: [401, '用户名或密码错误', 'Wrong username or password'],
  INVALID_CODE: [401, '代表码无效或已作废', 'The access code is not valid or has been revoked'],
  TOO_MANY_ATTEMPTS: [429, '尝试次数过多,请稍后再试', 'Too many attempts, try again later'],
  TOO_MANY_CONNECTIONS: [429, '同时打开的页面或设备过多,请关闭其中一个后再试', 'Too many pages or devices connected at once: close one and try again'],
  RATE_LIMITED: [429, '请求过于频繁,请稍后再试', 'Too many requests, slow down'],
  USERNAME_TAKEN: [409, '用户名已被使用', 'That username is taken'],
  TERM_NOT_FOUND: [404, '没有这一届', 'No such term'],
  TERM_EXISTS: [409, '这一届已存在', 'That term already exists'],
  DELEGATION_NOT_FOUND: [404, '没有这个代表团', 'No such delegation'],
  DELEGATION_EXISTS: [409, '代表团名称重复', 'A delegation with that name exists'],
  DELEGATION_NOT_EMPTY: [409, '代表团中还有代表,不能删除', 'The delegation still has members'],
  MEMBER_NOT_FOUND: [404, '名册中没有这个人', 'No such person on the roster'],
  STAFF_NUMBER_TAKEN: [409, '工号已在名册中', 'That staff number is already on the roster'],
  LEADER_NOT_IN_DELEGATION: [409, '团长必须是本代表团成员', 'The leader must belong to the delegation'],
  ROSTER_IMPORT_FAILED: [422, '名册导入失败,未做任何更改', 'Roster import failed; nothing was changed'],
  ROSTER_LOCKED: [409, '会议进行中或已有投票,不能修改名册', 'The roster cannot change while a meeting is in session'],
  MEETING_NOT_FOUND: [404, '没有这个会议', 'No such meeting'],
  MEETING_STATE: [409, '会议当前状态不允许此操作', 'The meeting is not in a state that allows this'],
  SESSION_NOT_FOUND: [404, '没有这次会议', 'No such session'],
  SESSION_EXISTS: [409, '这一届已有这一次会议', 'The term already has a session with that number'],
  MEETING_SITTING_INVALID: [400, '会议类型与所属会次不符', 'That kind of sitting does not fit the session'],
  // A session's close and what follows it (issue 13): the public notice and the report to the higher union.
  SESSION_CLOSED: [409, '本次会议已经闭幕', 'The session has closed'],
  SESSION_NOT_CLOSED: [409, '本次会议尚未闭幕', 'The session has not closed yet'],
  SESSION_SITTINGS_OPEN: [409, '本次会议还有未结束的会议,全部结束后才能闭幕', 'A sitting of the session has not closed: every sitting must close before the session does'],
  SESSION_CLOSE_DATE_INVALID: [400, '闭幕日期不正确', 'The closing date is not valid'],
  SESSION_NOTICE_PUBLISHED: [409, '公告已经发布或报告已经报送,不能撤销闭幕', 'The notice has been published or the report sent: the session cannot reopen'],
  NOTICE_NOT_FOUND: [404, '没有这份公告', 'No such notice'],
  NOTICE_NOT_PUBLISHED: [409, '会议公告尚未发布，发布后才能下载', 'The session’s notice is not published yet: it can be downloaded once published'],
  NOTICE_STATE: [409, '公告当前状态不允许此操作', 'The notice is not in a state that allows this'],
  NOTICE_POSTED_DAYS_TOO_FEW: [400, '公示期不得少于规定天数', 'The notice must stay posted at least the days the rules require'],
  NOTICE_DATE_INVALID: [400, '公告日期不正确', 'The notice date is not valid'],
  REPORT_DATE_INVALID: [400, '报送日期不正确', 'The date the report was sent is not valid'],
  MEETING_NOT_IN_SESSION: [409, '会议尚未开始或已经结束', 'The meeting is not in session'],
  // The agenda (议程, issue 12): adoption by the preparatory meeting, amendment by a recorded vote.
  AGENDA_ITEM_NOT_FOUND: [404, '议程中没有这一项', 'No such agenda item'],
  AGENDA_LINK_INVALID: [409, '所关联的文件、表决或会议不属于本次会议', 'The linked document, ballot or sitting does not belong to this session'],
  AGENDA_ORDER_INVALID: [400, '排序须列出本次会议议程的全部各项,且每项一次', 'The order must list every item of this session’s agenda exactly once'],
  AGENDA_ADOPTED: [409, '议程已经通过,修改须经表决通过并注明该表决', 'The agenda has been adopted: a change needs a passed vote to amend it, named in amendmentBallotId'],
  AGENDA_ADOPTION_BALLOT_INVALID: [409, '通过议程须用本次会议预备会议已结束且获通过的表决', 'Adopting the agenda needs a settled, passed ballot of this session’s preparatory meeting'],
  AGENDA_AMENDMENT_INVALID: [409, '修改议程须用本次会议已结束且获通过、尚未用过的表决', 'Amending the agenda needs a settled, passed ballot of one of this session’s sittings, not used before'],
  AGENDA_ITEM_ELSEWHERE: [409, '这一项不在本会议所属会次的议程中', 'That item is not on the agenda of this meeting’s session'],
  DISPLAY_TOKEN_INVALID: [401, '大屏令牌无效', 'The display token is not valid'],
  BALLOT_NOT_FOUND: [404, '没有这个表决', 'No such ballot'],
  BALLOT_ITEM_NOT_FOUND: [404, '表决中没有这一项', 'The ballot has no such item'],
  NOT_AN_ELECTION: [409, '这一项不是选举', 'That item is not an election'],
  NO_EMPTY_SEATS: [409, '这一选举没有空缺名额，无需另行选举', 'That election left no seat empty: there is nothing to elect again'],
  NO_CANDIDATES_LEFT: [409, '没有未当选的候选人可供另行选举', 'No candidate is left who was not elected'],
  BALLOT_STATE: [409, '表决当前状态不允许此操作', 'The ballot is not in a state that allows this'],
  // Two-person control (双人确认, issue 14).
  CONFIRMATION_OPTIONS_DIFFER: [
    409,
    '两人确认的开启选项不一致(是否在未达法定人数时开启及其理由),请与先确认的一方核对',
    'The two confirmations disagree on how to open (the quorum override or its reason); agree with the officer who confirmed first',
  ],
  TWO_PERSON_CONTROL_LOCKED: [409, '本会议有表决正在进行,不能修改双人确认设置', 'A ballot of this meeting is open: the two-person control setting cannot change now'],
  BALLOT_NOT_OPEN: [409, '表决尚未开始', 'The ballot is not open'],
  BALLOT_CLOSED: [409, '表决已经结束', 'The ballot is closed'],
  DEADLINE_PASSED: [409, '表决截止时间已过,请先修改截止时间', 'The ballot’s deadline has passed; change it first'],
  QUORUM_NOT_REACHED: [409, '实到人数未达到法定人数', 'Quorum has not been reached'],
  ALREADY_VOTED: [409, '您已经投过票了', 'You have already voted'],
  NOT_ELIGIBLE: [403, '列席代表没有表决权', 'You are not entitled to vote'],
  INVALID_ANSWER: [400, '选票填写无效', 'The ballot is not filled in correctly'],
  TOO_MANY_CHOICES: [400, '选择的人数或项数超过限额', 'Too many choices on this item'],
  UNKNOWN_OPTION: [400, '选票上没有这个选项', 'No such option on the ballot'],
  DUPLICATE_CHOICE: [400, '同一选项不能重复选择', 'The same option was chosen twice'],
  WRITE_IN_NOT_ALLOWED: [400, '本项不允许另选他人', 'Write-ins are not allowed on this item'],
  CONCURRENT_CHANGE: [409, '同一时间另有修改,请刷新后重试', 'Someone else made the same change at the same moment; reload and try again'],
  RECEIPT_CONFLICT: [409, '回执码冲突,请重新投票', 'Receipt code collision, please vote again'],
  // Paper and phones in one ballot (纸电同步, issue 14).
  PAPER_ISSUED: [409, '您已领取纸质选票,请在纸质选票上投票', 'You hold a paper ballot for this vote: vote on paper'],
  PAPER_NOT_FOR_NAMED: [409, '记名表决不发放纸质选票', 'A named (记名) ballot takes no paper ballots'],
  PAPER_ALREADY_ISSUED: [409, '已向该代表发放纸质选票', 'A paper ballot was already issued to this representative'],
  PAPER_NOT_ISSUED: [404, '未向该代表发放纸质选票', 'No paper ballot was issued to this representative'],
  PAPER_COUNT_STATE: [409, '纸质票计票当前状态不允许此操作', 'The paper count is not in a state that allows this'],
  PAPERS_COLLECTED_UNKNOWN: [409, '请先录入收回的纸质选票张数', 'Enter how many papers were collected from the box first'],
  PAPERS_EXCEED_COLLECTED: [409, '录入的纸质选票多于收回的张数', 'More papers entered than were collected'],
  PAPER_BATCH_NOT_FOUND: [404, '没有这一批纸质选票', 'No such batch of papers'],
  PAPER_BATCH_CONFIRMED: [409, '这一批纸质选票已经核对确认,不能再改', 'This batch has been confirmed and takes no more changes'],
  PAPER_ENTRY_NOT_FOUND: [404, '没有这张由您录入的纸质选票', 'No such paper entered by you'],
  PAPER_ENTRY_CONFIRMED: [409, '这张纸质选票已经核对确认,不能删除', 'This paper has been confirmed and cannot be removed'],
  SAME_TELLER: [409, '核对须由另一位计票人进行', 'A second teller must confirm: not the one who entered'],
  PAPER_NOT_MATCHED: [409, '本批中没有与之相同的未核对选票,请重新核对', 'No unconfirmed paper of this batch says the same: check it again'],
  PAPER_TOTALS_DIFFER: [409, '核对的合计与录入的选票不符', 'The totals counted differ from the papers entered'],
  PAPER_COUNT_INCOMPLETE: [409, '纸质选票尚未全部录入并核对', 'Not every paper has been entered and confirmed'],
  MANUAL_RESULT_INVALID: [400, '手工录入的票数不合理', 'The manually entered counts do not add up'],
  NOT_PUBLISHED: [409, '结果尚未公布', 'The result has not been published'],
  STORAGE_FULL: [503, '服务器存储空间不足,投票未被记录,请稍后再试', 'The server is out of storage; your vote was NOT recorded, try again later'],
  CLOSE_FAILED: [503, '关闭表决失败,表决仍在进行并继续接受投票,请稍后重试', 'Closing the ballot failed; it is still open and accepting votes, try again'],
  SERVER_BUSY: [503, '服务器繁忙,投票未被记录,请重试', 'The server is busy; your vote was NOT recorded, try again'],
  SHUTTING_DOWN: [503, '服务器正在重启,请稍后重试', 'The server is restarting, try again shortly'],
  WEB_NOT_BUILT: [503, '页面尚未构建,请先运行 npm run build', 'The pages are not built; run npm run build'],
  DEPARTMENT_NOT_FOUND: [404, '没有这个部门', 'No such department'],
  DEPARTMENT_EXISTS: [409, '部门名称重复', 'A department with that name exists'],
  DEPARTMENT_DISABLED: [409, '该部门已停用', 'That department is disabled'],
  DEPARTMENT_REQUIRED: [400, '承办人账号必须指定所属部门,其他账号不能指定', 'A handler account needs a department; other accounts take none'],
  MOTION_NOT_FOUND: [404, '没有这件提案', 'No such motion'],
  MOTION_STATE: [409, '提案当前状态不允许此操作', 'The motion is not in a state that allows this'],
  MOTION_COLLECTION_CLOSED: [409, '不在本次会议的提案征集期内', 'Motions are not being collected for this meeting now'],
  MOTION_NOT_REPRESENTATIVE: [403, '只有本届正式代表可以提出或附议提案', 'Only representatives of the term may propose or second a motion'],
  CANNOT_SECOND_OWN: [403, '提案人不能附议自己的提案', 'A proposer cannot second their own motion'],
  ALREADY_SECONDED: [409, '已经附议过这件提案', 'This motion has already been seconded by this representative'],
  MOTION_NOTE_REQUIRED: [400, '此操作必须写明理由', 'This action needs a written reason'],
  MOTION_MERGE_TARGET: [409, '不能合并到这件提案', 'The motion cannot be merged into that one'],
  MOTION_DECLINE_WINDOW_PASSED: [409, '已超过申请退回交办的期限', 'The time to decline this assignment has passed'],
  MOTION_ALREADY_EXTENDED: [409, '这件提案已经延期过一次', 'This motion has already had its one extension'],
  MOTION_EXTENSION_TOO_LONG: [400, '延期天数超过规定上限', 'The extension is longer than the setting allows'],
  MOTION_DEADLINE_INVALID: [400, '办理期限必须晚于现在', 'The deadline must be in the future'],
  ATTACHMENT_TYPE: [415, '附件只能是 PDF、PNG 或 JPEG 文件', 'Attachments must be PDF, PNG or JPEG files'],
  ATTACHMENT_NOT_FOUND: [404, '没有这个附件', 'No such attachment'],
  ATTACHMENT_LIMIT: [409, '附件数量已达上限', 'This motion has the most attachments allowed'],
  DOCUMENT_NOT_FOUND: [404, '没有这份文件', 'No such document'],
  DOCUMENT_STATE: [409, '文件当前状态不允许此操作', 'The document is not in a state that allows this'],
  DOCUMENT_NOTE_REQUIRED: [400, '此操作必须写明理由', 'This action needs a written reason'],
  DOCUMENT_NO_DRAFT: [409, '还没有待发出的文本稿', 'There is no draft text to issue'],
  DOCUMENT_ANCHOR_UNKNOWN: [400, '文本中没有这个段落或条款', 'No such paragraph or clause in that version'],
  DOCUMENT_DEADLINE_INVALID: [400, '征求意见截止时间必须晚于现在', 'The deadline for opinions must be in the future'],
  DOCUMENT_DEADLINE_PASSED: [409, '征求意见已截止', 'The deadline for opinions has passed'],
  DOCUMENT_NO_DELEGATION: [409, '您不属于任何代表团,请联系秘书处', 'You belong to no delegation; ask the secretariat'],
  DOCUMENT_SUBMISSION_INVALID: [400, '汇总意见引用了不属于本代表团本轮的原始意见', 'The submission cites opinions that are not this delegation’s in this round'],
  DOCUMENT_SUBMISSIONS_MISSING: [409, '还有代表团未报送汇总意见', 'Some delegations have not sent up their consolidated opinions'],
  DOCUMENT_UNANSWERED: [409, '还有汇总意见未答复,不能结束本轮', 'Some consolidated opinions are unanswered; the round cannot close'],
  DOCUMENT_OPINION_NOT_FOUND: [404, '没有这条意见', 'No such opinion'],
  DOCUMENT_BALLOT_INVALID: [409, '只能加入本次会议尚未开始的无记名表决', 'Only a draft secret ballot of the same meeting can carry the document'],
  DOCUMENT_ROUNDS_INVALID: [409, '轮次设置不能少于已进行的轮次', 'The number of rounds cannot be below the rounds already held'],
  DOCUMENT_FILE_TYPE: [415, '只能上传 Word(.docx)文件', 'Only Word (.docx) files can be uploaded'],
  DOCUMENT_FILE_UNREADABLE: [422, '无法读取该 Word 文件中的文字', 'No text could be read from that Word file'],
  // Credentials report (issue 12, item 4): adopted at the session's preparatory meeting by a settled ballot.
  CREDENTIALS_BALLOT_INVALID: [
    409,
    '代表资格审查报告只能由本次会议预备会议上已有结果、含审议通过事项的表决通过',
    'The credentials report is adopted only by a settled ballot, with an approval item, of the session’s preparatory meeting',
  ],
  CREDENTIALS_NOT_ADOPTED: [409, '该表决未通过,代表资格审查报告未获通过', 'That ballot did not pass; the credentials report is not adopted'],
  // Presidium, presiding chairs and tellers (issue 12, item 3).
  PRESIDIUM_MEMBER_INVALID: [400, '主席团成员必须是本届的正式代表', 'Presidium members must be representatives of the term'],
  PRESIDIUM_LIST_EMPTY: [409, '尚未提出主席团名单', 'No presidium list has been proposed'],
  PRESIDIUM_ELECTED: [409, '主席团已经选出,名单不能再修改', 'The presidium has been elected; its list is fixed'],
  PRESIDIUM_NOT_ELECTED: [409, '本次会议的主席团尚未选出', 'The session’s presidium has not been elected yet'],
  PRESIDIUM_BALLOT_INVALID: [
    409,
    '该表决不能用于选举主席团:须为本次会议预备会议上的选举或对主席团名单的表决',
    'That ballot cannot elect the presidium: it must be an election or an approval of the list at the session’s preparatory meeting',
  ],
  PRESIDIUM_BALLOT_NOT_SETTLED: [409, '该表决还没有结果', 'That ballot has no result yet'],
  PRESIDIUM_NOT_ADOPTED: [409, '该表决未通过主席团名单', 'That ballot did not adopt the presidium list'],
  PRESIDING_CHAIR_INVALID: [409, '正式会议的执行主席必须是本次会议主席团成员', 'A plenary sitting’s presiding chair must be a member of the session’s presidium'],
  TELLERS_INVALID: [400, '监票、计票人员设置无效', 'The tellers are not valid'],
  TELLER_IS_CANDIDATE: [409, '监票人、计票人不能是其所监计的选举中的候选人', 'A teller cannot be a candidate in an election they count'],
  INTERNAL: [500, '服务器内部错误', 'Internal server error'],
  UPLOAD_TOO_MANY_ENTRIES: [422, '文件中的条目过多(压缩包内文件数超出上限)', 'The file holds too many entries (more files inside the zip than allowed)'],
  UPLOAD_UNZIPPED_TOO_LARGE: [413, '文件解压后过大', 'The file is too large once unzipped'],
  UPLOAD_ZIP_BOMB: [422, '文件的压缩比异常,疑似压缩炸弹', 'The file compresses far more than any real document (a zip bomb)'],
  UPLOAD_ZIP_INVALID: [422, '文件不是有效的压缩包(损坏、加密或格式不支持)', 'The file is not a valid zip (damaged, encrypted or of an unsupported kind)'],
  UPLOAD_TOO_SLOW: [422, '文件处理时间过长,已停止', 'Reading the file took too long and was stopped'],
  UPLOAD_TOO_MUCH_MEMORY: [422, '文件处理所需内存过多,已停止', 'Reading the file needed too much memory and was stopped'],
  PAPER_TOO_SLOW: [503, '生成文件(PDF 或 Word)时间过长,已停止,请稍后再试', 'Making the document (PDF or .docx) took too long and was stopped; try again later'],
  PAPER_TOO_MUCH_MEMORY: [503, '生成文件(PDF 或 Word)所需内存过多,已停止', 'Making the document (PDF or .docx) needed too much memory and was stopped'],
  PAPER_WORK_BUSY: [503, '服务器正忙于生成其他文件,请稍后再试', 'The server is busy making other documents; try again shortly'],
  PDF_FONT_MISSING: [
    503,
    '服务器缺少生成 PDF 所需的中文字体(请安装 fonts-noto-cjk 或设置 PDF_FONT_SERIF / PDF_FONT_SANS)',
    'The server lacks the CJK font PDFs need (install fonts-noto-cjk or set PDF_FONT_SERIF / PDF_FONT_SANS)',
  ],
  HEAVY_WORK_BUSY: [503, '服务器正忙于处理其他文件,请稍后再试', 'The server is busy reading other files; try again shortly'],
  // Extraordinary sessions (临时会议, issue 12 item 7): proposals and their signatures.
  EXTRAORDINARY_PROPOSAL_NOT_FOUND: [404, '没有这个临时会议提议', 'No such proposal for an extraordinary session'],
  EXTRAORDINARY_NOT_COLLECTING: [409, '该提议已召开临时会议或已撤回', 'The proposal has already been convened or withdrawn'],
  EXTRAORDINARY_NOT_PETITION: [409, '只有代表联名提议需要签名', 'Only a proposal by the representatives collects signatures'],
  EXTRAORDINARY_THRESHOLD_NOT_REACHED: [409, '联名签名的代表人数尚未达到规定比例,不能召开临时会议', 'Too few representatives have signed the proposal to convene an extraordinary session'],
  // Storage (issue 9, items 3 and 5): the free-space reserve kept for votes and the scrub, and quotas.
  STORAGE_RESERVED: [
    507,
    '服务器可用空间已降到为投票和清理保留的空间,暂不接受此项保存,请联系秘书处',
    'Free disk space is down to the reserve kept for votes and the post-ballot scrub; this write is refused, ask the secretariat',
  ],
  QUOTA_EXCEEDED: [409, '已达到存储配额,未保存任何内容', 'A storage quota has been reached; nothing was saved'],
  // Joint meetings (联席会议, issue 12 item 6): their roll, statutory matters and confirmations.
  JOINT_NOT_ON_ROLL: [403, '您不在本次联席会议的成员名单上,不能签到或表决', 'You are not on this joint meeting’s roll, so you cannot check in or vote'],
  JOINT_ROLL_INVALID: [400, '联席会议成员须是本届的职工代表', 'Joint meeting members must be representatives of the meeting’s term'],
  JOINT_ROLL_LOCKED: [409, '联席会议有正在进行的表决,表决结束前不能更改成员名单', 'A ballot of this joint meeting is open: its roll cannot change until it closes'],
  NOT_A_JOINT_MEETING: [409, '这不是联席会议', 'This is not a joint meeting'],
  STATUTORY_MATTER: [
    409,
    '法定须经职工代表大会审议通过的事项(集体合同、工资分配方案、涉及职工切身利益的规章制度等),联席会议不能决定,须提交职代会全体会议表决',
    'A statutory matter (collective contract, wage distribution plan, rules affecting staff interests, …) must be decided by the congress itself, not by a joint meeting',
  ],
  JOINT_NOTHING_TO_CONFIRM: [409, '没有待大会确认的联席会议决定', 'No joint meeting decisions await confirmation'],
  JOINT_CONFIRMATION_INVALID: [
    409,
    '确认表决须在本次会议的正式会议上,针对“确认联席会议决定”议程项进行',
    'A confirmation ballot belongs to a plenary sitting of this session, on its joint-confirmation agenda item',
  ],
  // Resolutions (决议, issue 13): drafted from the session's figures, voted as one ballot item, fixed once voted.
  RESOLUTION_NOT_FOUND: [404, '没有这项决议', 'No such resolution'],
  RESOLUTION_FROZEN: [409, '该决议已付诸表决,表决开始后文本不能再修改或重新生成', 'The resolution has been put to the vote: once its ballot opened, its text cannot be edited or redrafted'],
  RESOLUTION_ON_BALLOT: [409, '该决议已在表决单上或已表决,不能再次付诸表决或删除', 'The resolution is already on a ballot or has been voted on: it cannot be put to another ballot or deleted'],
  RESOLUTION_BALLOT_INVALID: [
    409,
    '决议须在本次会议的正式会议上表决:只能新建表决或加入该会议尚未开始的表决',
    'A resolution is voted at a plenary sitting of its own session: in a new ballot, or added to a draft ballot of that sitting',
  ],
  RESOLUTION_PAPER_EMPTY: [409, '本次会议还没有可下载的决议（已通过的，或选择全部已表决的）', 'The session has no resolution to download yet (adopted ones, or every voted one if asked)'],
  RESOLUTION_DOCUMENT_INVALID: [409, '决议所涉文件须是本届的文件', 'The document a resolution is about must be of the session’s term'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof errorTable;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  messageZh: string;
  messageEn: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(errorTable[code][2]);
    this.statusCode = errorTable[code][0];
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.details);
  }
}

export function fail(code: ErrorCode, details?: unknown): never {
  throw new AppError(code, details);
}

export function errorBody(code: ErrorCode, details?: unknown): ErrorBody {
  const [, zh, en] = errorTable[code];
  return { code, message: `${zh} / ${en}`, messageZh: zh, messageEn: en, ...(details === undefined ? {} : { details }) };
}

export function statusOf(code: ErrorCode): number {
  return errorTable[code][0];
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorTable, value);
}
