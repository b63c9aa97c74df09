import type { BatchErrorCode } from '../../shared/domain/sync';

/**
 * The staff-facing reasons an acknowledgement carries (docs/sync-protocol.md §9.2 `reason`), in Chinese as the
 * station shows them; the provincial hub answers with them. Never the technical detail: a parser's message may quote the file, and acknowledgements
 * carry no personal data (§9.1).
 */
export const batchRefusalReasons: Record<BatchErrorCode, string> = {
  malformed_container: '文件结构损坏（标识、长度或内容被截断），请重新导出。',
  decryption_failed: '文件解密失败（校验标签不符），请重新导出。',
  recipient_key_unknown: '文件加密所用的省级密钥不在本系统中，请使用当前省级加密公钥重新导出。',
  manifest_invalid: '批次清单格式不正确，请联系技术支持。',
  protocol_unsupported: '本系统不支持该协议版本。',
  station_unknown: '站点代码未在省级系统登记。',
  station_key_unknown: '签名所用的站点密钥未在省级系统登记。',
  signature_invalid: '批次签名验证失败，文件可能被篡改。',
  batch_id_mismatch: '请求中的批次编号与批次清单不一致。',
  batch_replayed: '该批次已处理过。',
  batch_id_conflict: '该批次编号已被另一内容不同的批次使用，请与省级系统核查。',
  schema_unsupported: '本系统不支持该记录结构版本。',
  payload_hash_mismatch: '批次内容的长度或校验值与清单不符，文件可能在传递中损坏。',
  payload_invalid: '批次内容无法解析，或顺序、数量与清单不符。',
  batch_too_large: '批次超过接收上限，请分成较小的批次。',
  batch_unknown: '省级系统未收到该批次。',
  rate_limited: '请求过于频繁，请稍后再试。',
  unavailable: '省级系统暂时不可用，请稍后再试。',
  internal_error: '省级系统内部错误，请稍后再试。',
};

/** The reasons of one record's rejection (§8.1). */
export const recordRejectionReasons = {
  envelope_invalid: '记录信封的字段缺失或格式不对，或记录内容的 id、version 与信封不一致。',
  station_mismatch: '记录的站点代码与批次清单的站点代码不一致。',
  kind_unknown: (kind: string) => `本系统尚不支持记录类型 ${kind}。`,
  not_canonical: '记录内容含有协议不允许的数值（如小数）。',
  payload_invalid: (path: string) => `记录内容的字段 ${path} 缺失或格式不对。`,
  version_conflict: '同一记录版本已以不同内容接收，请核查站点是否由备份恢复或被复制。',
  temporarily_unavailable: '接收方暂时无法保存该记录，请稍后重发。',
} as const;
