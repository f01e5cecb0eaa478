/** One page of every template, for the browser tests that visit them all. */
export const TEMPLATE_PAGES = [
  '/',
  '/policies/',
  '/policies/qingshanhu-2023-xingdong-fangan/',
  '/policies/shangrao-2022-gongzuo-fangan/',
  '/briefings/',
  '/briefings/longnan-jianbao-2023-03/',
  '/indicators/',
  '/indicators/nashui/',
  '/regions/',
  '/regions/qingshanhu/',
  '/tasks/',
  '/tasks/qingshanhu-2023-zhibiao-renwu/',
  '/trackers/disanfang-zhenggai/',
  '/trackers/disanfang-zhenggai/longnan/',
  '/statistics/',
  '/statistics/longnan/',
  '/indicators/nashui/qingshanhu/',
  '/charts/targets-qingshanhu-2023-nashui-1/',
  '/methodology/',
  '/data/',
  '/provenance/',
  '/search/?q=%E5%B8%A6%E6%8A%BC%E8%BF%87%E6%88%B7',
  '/404.html',
];

/** The axe-core rule tags every page must pass: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
