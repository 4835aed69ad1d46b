// Building the page from data without ever parsing data as HTML: names come from
// reports and imports, and must show as text.

export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    // Styles through the CSS object model: the page's Content-Security-Policy refuses style attributes.
    else if (name === 'style') Object.assign(el.style, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// The enumerations in the language of the reports, with the API's name beside it.
export const PAIRING_KINDS = {
  SPECIAL_DELIVERY_CLASSROOM: '5G+专递课堂',
  DEEP_ALLIANCE: '深度联盟结对帮扶',
  TARGETED_SUPPORT: '定向帮扶',
  ONE_TO_ONE: '一对一结对互助',
  OTHER: '其他',
};
export const SCHOOL_TYPES = {
  KINDERGARTEN: '幼儿园', PRIMARY: '小学', JUNIOR_SECONDARY: '初级中学', NINE_YEAR: '九年一贯制学校',
  SENIOR_SECONDARY: '高级中学', COMPLETE_SECONDARY: '完全中学', TWELVE_YEAR: '十二年一贯制学校',
  SECONDARY_VOCATIONAL: '中等职业学校', HIGHER_VOCATIONAL: '高等职业学校', UNIVERSITY: '大学',
  SPECIAL_EDUCATION: '特殊教育学校', TEACHER_DEVELOPMENT: '教师进修学校', OTHER: '其他',
};
export const ROLES = {
  MENTOR: 'mentor', MENTEE: 'mentee', MEMBER: 'member', DESIGNATED: 'designated', PILOT: 'pilot',
  PARTNER: 'partner', LEAD: 'lead',
};

export function kindLabel(kind) {
  return PAIRING_KINDS[kind] ? `${PAIRING_KINDS[kind]} (${kind})` : kind;
}

export function typeLabel(type) {
  return SCHOOL_TYPES[type] ? `${SCHOOL_TYPES[type]} (${type})` : type;
}
